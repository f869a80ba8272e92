using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Ixc;
using Cobranca.Connectors.Testing.Ixc;

namespace Cobranca.Connectors.Ixc.Tests;

public sealed class CertificatePinningTests
{
    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=ixc.provedor.local", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pkcs12), null);
    }

    private static IxcClient Client(IxcSandbox sandbox, params string[] pins)
    {
        var options = new IxcClientOptions { BaseAddress = sandbox.BaseUrl, UserId = sandbox.UserId, Token = sandbox.Token };
        options.Resilience.RetryBaseDelay = TimeSpan.Zero;
        foreach (var pin in pins) options.PinnedCertificateThumbprints.Add(pin);
        return new IxcClient(options);
    }

    [Fact]
    public async Task A_self_signed_certificate_is_refused_by_default_with_a_pinning_hint()
    {
        using var certificate = SelfSigned();
        await using var sandbox = await IxcSandbox.StartAsync(new IxcSandboxOptions { ServerCertificate = certificate, GeneratedCustomers = 0 });
        using var client = Client(sandbox);

        var ex = await Assert.ThrowsAsync<ConnectorTransportException>(() => client.GetCustomerAsync(IxcSandboxData.MariaCustomerId));

        Assert.True(ex.RequestNotSent);
        Assert.Contains("PinnedCertificateThumbprints", ex.Message, StringComparison.Ordinal);
        Assert.Empty(sandbox.Requests);
    }

    [Fact]
    public async Task A_pinned_self_signed_certificate_is_accepted()
    {
        using var certificate = SelfSigned();
        await using var sandbox = await IxcSandbox.StartAsync(new IxcSandboxOptions { ServerCertificate = certificate, GeneratedCustomers = 0 });
        var pin = string.Join(':', Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256)).Chunk(2).Select(c => new string(c))).ToLowerInvariant();
        using var client = Client(sandbox, pin);

        Assert.Equal("https", sandbox.BaseUrl.Scheme);
        Assert.NotNull(await client.GetCustomerAsync(IxcSandboxData.MariaCustomerId));
    }

    [Fact]
    public async Task A_different_pin_is_refused()
    {
        using var certificate = SelfSigned();
        using var other = SelfSigned();
        await using var sandbox = await IxcSandbox.StartAsync(new IxcSandboxOptions { ServerCertificate = certificate, GeneratedCustomers = 0 });
        using var client = Client(sandbox, CertificatePinning.Sha256Thumbprint(other));

        await Assert.ThrowsAsync<ConnectorTransportException>(() => client.GetCustomerAsync(IxcSandboxData.MariaCustomerId));
        Assert.Empty(sandbox.Requests);
    }

    [Fact]
    public void Malformed_pins_are_rejected_by_validation()
    {
        var options = new IxcClientOptions { BaseAddress = new Uri("https://ixc.example.com.br", UriKind.RelativeOrAbsolute), UserId = "1", Token = "t" };
        options.PinnedCertificateThumbprints.Add("not-a-thumbprint");

        var ex = Assert.Throws<ArgumentException>(() => new IxcClient(options));
        Assert.Contains("PinnedCertificateThumbprints", ex.Message, StringComparison.Ordinal);
    }
}
