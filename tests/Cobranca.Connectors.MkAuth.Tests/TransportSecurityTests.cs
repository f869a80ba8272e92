using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing.MkAuth;

namespace Cobranca.Connectors.MkAuth.Tests;

public sealed class TransportSecurityTests
{
    [Fact]
    public async Task A_self_signed_certificate_is_refused_without_a_pin()
    {
        await using var box = await MkAuthSandbox.StartAsync(new MkAuthSandboxOptions { GeneratedCustomers = 0 });
        var options = MkAuthTestHost.Connect(box);
        options.PinnedCertificateThumbprints.Clear();
        options.Resilience.MaxRetryAttempts = 0;
        using var client = new MkAuthClient(options);

        var error = await Assert.ThrowsAsync<ConnectorTransportException>(() => client.GetCustomerAsync(MkAuthSandboxData.MariaLogin));

        Assert.Contains("PinnedCertificateThumbprints", error.Message, StringComparison.Ordinal);
        Assert.Empty(box.Requests);
    }

    [Fact]
    public async Task A_certificate_that_does_not_match_the_pin_is_refused()
    {
        await using var box = await MkAuthSandbox.StartAsync(new MkAuthSandboxOptions { GeneratedCustomers = 0 });
        var options = MkAuthTestHost.Connect(box);
        options.PinnedCertificateThumbprints.Clear();
        options.PinnedCertificateThumbprints.Add(new string('A', 64));
        options.Resilience.MaxRetryAttempts = 0;
        using var client = new MkAuthClient(options);

        await Assert.ThrowsAsync<ConnectorTransportException>(() => client.GetCustomerAsync(MkAuthSandboxData.MariaLogin));
        Assert.Empty(box.Requests);
    }

    [Fact]
    public void Options_refuse_plain_http_sha1_pins_and_missing_secrets_without_echoing_them()
    {
        var options = new MkAuthClientOptions { BaseAddress = new Uri("http://192.168.88.10"), ClientId = "id", ClientSecret = "" };
        options.PinnedCertificateThumbprints.Add(new string('B', 40));
        var error = Assert.Throws<ArgumentException>(() => new MkAuthClient(options));
        Assert.Contains("https", error.Message, StringComparison.Ordinal);
        Assert.Contains("SHA-1", error.Message, StringComparison.Ordinal);
        Assert.Contains("ClientSecret is required", error.Message, StringComparison.Ordinal);

        var ok = new MkAuthClientOptions { BaseAddress = new Uri("https://mk.example.com.br/api/"), ClientId = "id", ClientSecret = "super-secret-value" };
        Assert.Empty(ok.Validate());
        Assert.DoesNotContain("super-secret-value", ok.ToString(), StringComparison.Ordinal);
    }
}
