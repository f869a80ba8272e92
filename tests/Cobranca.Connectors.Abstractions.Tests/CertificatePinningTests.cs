using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Abstractions.Tests;

public sealed class CertificatePinningTests : IDisposable
{
    private readonly X509Certificate2 _certificate;
    private readonly X509Certificate2 _other;

    public CertificatePinningTests()
    {
        _certificate = SelfSigned("CN=ixc.provedor.test");
        _other = SelfSigned("CN=attacker.test");
    }

    public void Dispose()
    {
        _certificate.Dispose();
        _other.Dispose();
    }

    private static X509Certificate2 SelfSigned(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    [Fact]
    public void Without_pins_only_the_platform_verdict_counts()
    {
        Assert.True(CertificatePinning.Validate(_certificate, SslPolicyErrors.None, null));
        Assert.True(CertificatePinning.Validate(_certificate, SslPolicyErrors.None, []));
        Assert.False(CertificatePinning.Validate(_certificate, SslPolicyErrors.RemoteCertificateChainErrors, []));
        Assert.False(CertificatePinning.Validate(_certificate, SslPolicyErrors.RemoteCertificateNameMismatch, null));
    }

    [Fact]
    public void A_pinned_self_signed_certificate_is_accepted_by_sha256_or_sha1_in_any_notation()
    {
        var sha256 = CertificatePinning.Sha256Thumbprint(_certificate);
        Assert.Equal(64, sha256.Length);
        var colons = string.Join(':', sha256.Chunk(2).Select(c => new string(c))).ToLowerInvariant();
        var sha1 = _certificate.Thumbprint;

        Assert.True(CertificatePinning.Validate(_certificate, SslPolicyErrors.RemoteCertificateChainErrors, [sha256]));
        Assert.True(CertificatePinning.Validate(_certificate, SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch, [colons]));
        Assert.True(CertificatePinning.Validate(_certificate, SslPolicyErrors.RemoteCertificateChainErrors, ["deadbeef", sha1]));
    }

    [Fact]
    public void Another_certificate_is_refused_even_if_the_platform_trusts_it()
    {
        var pin = CertificatePinning.Sha256Thumbprint(_certificate);
        Assert.False(CertificatePinning.Validate(_other, SslPolicyErrors.None, [pin]));
        Assert.False(CertificatePinning.Validate(null, SslPolicyErrors.None, [pin]));
    }

    [Theory]
    [InlineData("AB:CD:ef 01-23", "ABCDEF0123")]
    [InlineData("", "")]
    public void Normalise_keeps_upper_case_hex(string input, string expected) => Assert.Equal(expected, CertificatePinning.Normalise(input));

    [Fact]
    public void IsWellFormed_accepts_sha1_and_sha256_lengths_only()
    {
        Assert.True(CertificatePinning.IsWellFormed(CertificatePinning.Sha256Thumbprint(_certificate)));
        Assert.True(CertificatePinning.IsWellFormed(_certificate.Thumbprint));
        Assert.True(CertificatePinning.IsWellFormed(string.Join(':', _certificate.Thumbprint.Chunk(2).Select(c => new string(c)))));
        Assert.False(CertificatePinning.IsWellFormed("ABCD"));
        Assert.False(CertificatePinning.IsWellFormed(null));
        Assert.False(CertificatePinning.IsWellFormed(new string('Z', 64)));
        Assert.False(CertificatePinning.IsWellFormed(_certificate.Thumbprint + "!"));
    }
}
