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
    public void A_pinned_self_signed_certificate_is_accepted_by_sha256_in_any_notation_despite_chain_and_name_errors()
    {
        var sha256 = CertificatePinning.Sha256Thumbprint(_certificate);
        Assert.Equal(64, sha256.Length);
        var colons = string.Join(':', sha256.Chunk(2).Select(c => new string(c))).ToLowerInvariant();

        Assert.True(CertificatePinning.Validate(_certificate, SslPolicyErrors.RemoteCertificateChainErrors, [sha256]));
        Assert.True(CertificatePinning.Validate(_certificate, SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch, [colons]));
        Assert.True(CertificatePinning.Validate(_certificate, SslPolicyErrors.RemoteCertificateChainErrors, ["deadbeef", sha256]));
    }

    [Fact]
    public void A_sha1_pin_never_matches()
    {
        // SHA-1 pins are refused by ValidatePins; should one reach Validate anyway, it matches nothing.
        Assert.False(CertificatePinning.Validate(_certificate, SslPolicyErrors.RemoteCertificateChainErrors, [_certificate.Thumbprint]));
        Assert.False(CertificatePinning.Validate(_certificate, SslPolicyErrors.None, [_certificate.Thumbprint]));
    }

    [Fact]
    public void Pins_are_exclusive_another_certificate_is_refused_even_if_the_platform_trusts_it()
    {
        var pin = CertificatePinning.Sha256Thumbprint(_certificate);
        Assert.False(CertificatePinning.Validate(_other, SslPolicyErrors.None, [pin]));
        Assert.False(CertificatePinning.Validate(null, SslPolicyErrors.None, [pin]));
    }

    [Fact]
    public void The_callback_is_null_without_pins_and_applies_the_same_rule_with_pins()
    {
        Assert.Null(CertificatePinning.CreateValidationCallback(null));
        Assert.Null(CertificatePinning.CreateValidationCallback([]));
        Assert.Null(CertificatePinning.CreateValidationCallback(["  "]));

        var callback = CertificatePinning.CreateValidationCallback([CertificatePinning.Sha256Thumbprint(_certificate).ToLowerInvariant()]);
        Assert.NotNull(callback);
        Assert.True(callback(this, _certificate, null, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(callback(this, _other, null, SslPolicyErrors.None));
    }

    [Theory]
    [InlineData("AB:CD:ef 01-23", "ABCDEF0123")]
    [InlineData("", "")]
    public void Normalize_keeps_upper_case_hex(string input, string expected) => Assert.Equal(expected, CertificatePinning.Normalize(input));

    [Fact]
    public void IsWellFormed_accepts_sha256_only()
    {
        var sha256 = CertificatePinning.Sha256Thumbprint(_certificate);
        Assert.True(CertificatePinning.IsWellFormed(sha256));
        Assert.True(CertificatePinning.IsWellFormed(string.Join(':', sha256.Chunk(2).Select(c => new string(c)))));
        Assert.False(CertificatePinning.IsWellFormed(_certificate.Thumbprint)); // SHA-1
        Assert.False(CertificatePinning.IsWellFormed("ABCD"));
        Assert.False(CertificatePinning.IsWellFormed(null));
        Assert.False(CertificatePinning.IsWellFormed(new string('Z', 64)));
        Assert.False(CertificatePinning.IsWellFormed(sha256 + "!"));
    }

    [Fact]
    public void ValidatePins_names_the_property_and_refuses_sha1_with_a_hint()
    {
        var sha256 = CertificatePinning.Sha256Thumbprint(_certificate);
        Assert.Empty(CertificatePinning.ValidatePins([sha256, sha256.ToLowerInvariant()], "Pins"));
        Assert.Empty(CertificatePinning.ValidatePins(null, "Pins"));

        var errors = CertificatePinning.ValidatePins([sha256, _certificate.Thumbprint, "xyz", "", "ABCD"], "PinnedCertificateThumbprints");

        Assert.Equal(4, errors.Count);
        Assert.Contains("PinnedCertificateThumbprints[1] is a SHA-1 thumbprint", errors[0], StringComparison.Ordinal);
        Assert.Contains("SHA-256", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("PinnedCertificateThumbprints[2]", errors[1], StringComparison.Ordinal);
        Assert.StartsWith("PinnedCertificateThumbprints[3] is empty", errors[2], StringComparison.Ordinal);
        Assert.StartsWith("PinnedCertificateThumbprints[4]", errors[3], StringComparison.Ordinal);
    }
}
