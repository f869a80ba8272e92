using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Http.Tests;

public sealed class CertificatePinningTests
{
    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=ixc.local", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    [Fact]
    public void Without_pins_a_self_signed_certificate_is_refused()
    {
        using var cert = SelfSigned();
        Assert.False(CertificatePinning.Validate(cert, SslPolicyErrors.RemoteCertificateChainErrors, []));
        Assert.True(CertificatePinning.Validate(cert, SslPolicyErrors.None, []));
    }

    [Fact]
    public void A_pinned_self_signed_certificate_is_accepted_in_any_notation()
    {
        using var cert = SelfSigned();
        var sha256 = CertificatePinning.Sha256Thumbprint(cert);
        var colons = string.Join(':', Enumerable.Range(0, sha256.Length / 2).Select(i => sha256.Substring(i * 2, 2))).ToLowerInvariant();
        Assert.True(CertificatePinning.Validate(cert, SslPolicyErrors.RemoteCertificateChainErrors, [colons]));
        Assert.True(CertificatePinning.Validate(cert, SslPolicyErrors.RemoteCertificateChainErrors, [cert.Thumbprint])); // SHA-1
    }

    [Fact]
    public void With_pins_a_different_certificate_is_refused_even_if_the_chain_is_valid()
    {
        using var cert = SelfSigned();
        using var other = SelfSigned();
        Assert.False(CertificatePinning.Validate(cert, SslPolicyErrors.None, [CertificatePinning.Sha256Thumbprint(other)]));
    }

    [Theory]
    [InlineData("AB:CD", false)]
    [InlineData("zz", false)]
    [InlineData("0123456789abcdef0123456789abcdef01234567", true)]
    public void Thumbprint_shape_is_checked(string value, bool expected) => Assert.Equal(expected, CertificatePinning.IsWellFormed(value));
}
