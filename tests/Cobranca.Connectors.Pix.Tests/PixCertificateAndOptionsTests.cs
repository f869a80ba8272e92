using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Cobranca.Connectors.Pix.Internal;
using Cobranca.Connectors.Testing.Pix;

namespace Cobranca.Connectors.Pix.Tests;

public sealed class PixCertificateAndOptionsTests : IDisposable
{
    private readonly X509Certificate2 _cert;
    private readonly string _tempFile = Path.Combine(Path.GetTempPath(), $"pix-test-{Guid.NewGuid():N}.pfx");

    public PixCertificateAndOptionsTests()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=cobranca-pix-test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        _cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    public void Dispose()
    {
        _cert.Dispose();
        if (File.Exists(_tempFile)) File.Delete(_tempFile);
    }

    private static PixClientOptions Valid() => new()
    {
        BaseAddress = new Uri("https://pix.example.com/api/v2/"),
        TokenUrl = new Uri("https://pix.example.com/oauth/token"),
        ClientId = "id",
        ClientSecret = "secret",
    };

    [Fact]
    public void Loads_the_mtls_certificate_with_its_key_from_pfx_bytes()
    {
        var options = Valid();
        options.CertificatePfx = _cert.Export(X509ContentType.Pkcs12, "pfx-pass");
        options.CertificatePassword = "pfx-pass";

        using var loaded = PixCertificateLoader.Load(options);

        Assert.NotNull(loaded);
        Assert.True(loaded.HasPrivateKey);
        Assert.Equal(_cert.Thumbprint, loaded.Thumbprint);
    }

    [Fact]
    public void Loads_the_mtls_certificate_from_a_password_less_pfx_file()
    {
        File.WriteAllBytes(_tempFile, _cert.Export(X509ContentType.Pkcs12));
        var options = Valid();
        options.CertificatePath = _tempFile;

        using var loaded = PixCertificateLoader.Load(options);

        Assert.Equal(_cert.Thumbprint, loaded!.Thumbprint);
        Assert.True(loaded.HasPrivateKey);
    }

    [Fact]
    public void Wrong_password_or_missing_private_key_is_a_clear_error()
    {
        var options = Valid();
        options.CertificatePfx = _cert.Export(X509ContentType.Pkcs12, "right");
        options.CertificatePassword = "Xq9-not-it";
        var wrong = Assert.Throws<ArgumentException>(() => PixCertificateLoader.Load(options));
        Assert.Contains("could not be loaded", wrong.Message);
        Assert.DoesNotContain("Xq9", wrong.Message);

        using var publicOnly = X509CertificateLoader.LoadCertificate(_cert.Export(X509ContentType.Cert));
        var noKey = Valid();
        noKey.Certificate = publicOnly;
        Assert.Contains("private key", Assert.Throws<ArgumentException>(() => PixCertificateLoader.Load(noKey)).Message);
    }

    [Fact]
    public async Task A_client_with_a_certificate_talks_to_the_psp()
    {
        await using var sandbox = await PixPspSandbox.StartAsync();
        var options = TestKit.Options(sandbox);
        options.CertificatePfx = _cert.Export(X509ContentType.Pkcs12, "p");
        options.CertificatePassword = "p";
        using var client = new PixClient(options);

        var charge = await client.CreateChargeAsync(PixTxid.ForInvoice("C", "1"), TestKit.Cob(sandbox));

        Assert.Equal(PixChargeStatus.Active, charge.Status);
    }

    [Fact]
    public void Options_validation_names_each_problem_without_secrets()
    {
        var options = new PixClientOptions { ClientSecret = "do-not-print", BaseAddress = new Uri("http://pix.example.com/v2/") };
        options.CertificatePfx = [1];
        options.CertificatePath = "/nonexistent.pfx";

        var errors = options.Validate();
        var ex = Assert.Throws<ArgumentException>(() => new PixClient(options));

        Assert.Contains(errors, e => e.Contains("https"));
        Assert.Contains(errors, e => e.Contains("TokenUrl"));
        Assert.Contains(errors, e => e.Contains("ClientId"));
        Assert.Contains(errors, e => e.Contains("not both"));
        Assert.DoesNotContain("do-not-print", ex.Message);
        Assert.Empty(Valid().Validate());
    }

    [Fact]
    public void Provider_profiles_are_complete_and_resolve_urls()
    {
        foreach (var profile in PixProviderProfile.BuiltIn)
        {
            Assert.Equal(Uri.UriSchemeHttps, profile.BaseUrl.Scheme);
            Assert.Equal(Uri.UriSchemeHttps, profile.TokenUrl.Scheme);
            Assert.EndsWith("/", profile.BaseUrl.AbsoluteUri);
            Assert.False(string.IsNullOrWhiteSpace(profile.Notes));
        }

        var efi = new PixClientOptions { Provider = PixProviderProfile.Efi, UseSandbox = true, ClientId = "a", ClientSecret = "b" };
        Assert.Empty(efi.Validate());
        Assert.Equal("pix:efi", efi.ProviderName);
        Assert.Equal(PixAuthStyle.BasicJson, PixProviderProfile.Efi.AuthStyle);

        var sicoob = new PixClientOptions { Provider = PixProviderProfile.Sicoob, ClientId = "a" };
        Assert.Empty(sicoob.Validate()); // certificate + client id, no secret
        var sicoobSandbox = new PixClientOptions { Provider = PixProviderProfile.Sicoob, UseSandbox = true, ClientId = "a" };
        Assert.Contains(sicoobSandbox.Validate(), e => e.Contains("no sandbox URL"));
    }
}
