using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Cobranca.Connectors.Abstractions;

/// <summary>
/// Certificate pinning for on-premise servers with self-signed certificates (IXC installs, RouterOS api-ssl). With no
/// pins, the platform's normal validation applies (a self-signed certificate is refused). With pins, the server's
/// certificate must match one of them — SHA-256 (64 hex) or SHA-1 (40 hex) thumbprint, colons/spaces and case
/// ignored — and then chain and name errors are accepted, because the pin is the identity. Validation is never
/// switched off.
/// </summary>
public static class CertificatePinning
{
    /// <summary>Decides whether to accept <paramref name="certificate"/>.</summary>
    /// <param name="certificate">The server's certificate.</param>
    /// <param name="errors">The platform's verdict.</param>
    /// <param name="pinnedThumbprints">Accepted thumbprints; empty means "platform validation only".</param>
    public static bool Validate(X509Certificate? certificate, SslPolicyErrors errors, IReadOnlyCollection<string>? pinnedThumbprints)
    {
        if (pinnedThumbprints is null || pinnedThumbprints.Count == 0) return errors == SslPolicyErrors.None;
        if (certificate is null) return false;
        var sha256 = Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256));
        var sha1 = Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA1));
        foreach (var pin in pinnedThumbprints)
        {
            var normalised = Normalise(pin);
            if (normalised == sha256 || normalised == sha1) return true;
        }
        return false;
    }

    /// <summary>Normalises a thumbprint as users paste it (<c>AB:CD:..</c>, spaces, lower case) to upper-case hex.</summary>
    /// <param name="thumbprint">The thumbprint.</param>
    public static string Normalise(string thumbprint)
    {
        ArgumentNullException.ThrowIfNull(thumbprint);
        return new string(thumbprint.Where(char.IsAsciiHexDigit).Select(char.ToUpperInvariant).ToArray());
    }

    /// <summary>True when <paramref name="thumbprint"/> looks like a SHA-1 or SHA-256 thumbprint.</summary>
    /// <param name="thumbprint">The thumbprint.</param>
    public static bool IsWellFormed(string? thumbprint) =>
        thumbprint is not null && Normalise(thumbprint).Length is 40 or 64 &&
        thumbprint.All(c => char.IsAsciiHexDigit(c) || c is ':' or ' ' or '-');

    /// <summary>The SHA-256 thumbprint of a certificate, upper-case hex (what to configure as a pin).</summary>
    /// <param name="certificate">The certificate.</param>
    public static string Sha256Thumbprint(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256));
    }
}
