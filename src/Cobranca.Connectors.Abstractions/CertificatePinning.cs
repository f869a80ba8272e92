using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Cobranca.Connectors.Abstractions;

/// <summary>
/// Certificate pinning, with one meaning for every connector (IXC, Pix, MikroTik api-ssl, SGP, MK-Auth...):
/// <list type="bullet">
/// <item><b>No pins</b> (the default): the platform's normal validation applies; a self-signed certificate is refused.</item>
/// <item><b>Pins</b>: the pin list is <b>exclusive</b>. The server certificate must match one of the SHA-256 thumbprints;
/// when it does, chain and name errors are tolerated for that certificate (the pin is its identity: on-premise servers
/// often have self-signed or IP-only certificates); a certificate that matches no pin is refused even if its chain is
/// valid.</item>
/// </list>
/// Validation is never switched off. Pins are SHA-256 thumbprints (64 hex digits; colons, spaces, dashes and case are
/// ignored); SHA-1 thumbprints (40 hex digits, what some tools show first) are refused by <see cref="ValidatePins"/>.
/// </summary>
public static class CertificatePinning
{
    /// <summary>Decides whether to accept <paramref name="certificate"/> (the semantics above).</summary>
    /// <param name="certificate">The server's certificate.</param>
    /// <param name="errors">The platform's verdict.</param>
    /// <param name="pinnedThumbprints">SHA-256 pins; null or empty means "platform validation only".</param>
    public static bool Validate(X509Certificate? certificate, SslPolicyErrors errors, IReadOnlyCollection<string>? pinnedThumbprints)
    {
        if (pinnedThumbprints is null || pinnedThumbprints.Count == 0) return errors == SslPolicyErrors.None;
        if (certificate is null) return false;
        var sha256 = Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256));
        foreach (var pin in pinnedThumbprints)
        {
            if (pin is not null && string.Equals(Normalize(pin), sha256, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>
    /// The TLS callback for <paramref name="pinnedThumbprints"/> (normalised once), or null when there are no pins
    /// (leave the platform's default validation in place).
    /// </summary>
    /// <param name="pinnedThumbprints">SHA-256 pins.</param>
    public static RemoteCertificateValidationCallback? CreateValidationCallback(IEnumerable<string>? pinnedThumbprints)
    {
        var pins = pinnedThumbprints?.Where(p => !string.IsNullOrWhiteSpace(p)).Select(Normalize).ToArray() ?? [];
        if (pins.Length == 0) return null;
        return (_, certificate, _, errors) => Validate(certificate, errors, pins);
    }

    /// <summary>Normalizes a thumbprint as users paste it (<c>AB:CD:..</c>, spaces, dashes, lower case) to upper-case hex.</summary>
    /// <param name="thumbprint">The thumbprint.</param>
    public static string Normalize(string thumbprint)
    {
        ArgumentNullException.ThrowIfNull(thumbprint);
        return new string(thumbprint.Where(char.IsAsciiHexDigit).Select(char.ToUpperInvariant).ToArray());
    }

    /// <summary>True when <paramref name="thumbprint"/> is a SHA-256 thumbprint (64 hex digits, separators allowed).</summary>
    /// <param name="thumbprint">The thumbprint.</param>
    public static bool IsWellFormed(string? thumbprint) =>
        thumbprint is not null && HasOnlyThumbprintCharacters(thumbprint) && Normalize(thumbprint).Length == 64;

    /// <summary>
    /// Checks a pin list as an options type holds it and returns one message per bad entry (empty when valid), naming
    /// <paramref name="propertyName"/> and saying when an entry is a SHA-1 thumbprint. Thumbprints are not secrets, but
    /// the messages do not echo them.
    /// </summary>
    /// <param name="pinnedThumbprints">The configured pins.</param>
    /// <param name="propertyName">The options property, for the message (e.g. <c>PinnedCertificateThumbprints</c>).</param>
    public static IReadOnlyList<string> ValidatePins(IEnumerable<string?>? pinnedThumbprints, string propertyName)
    {
        var errors = new List<string>();
        if (pinnedThumbprints is null) return errors;
        var index = 0;
        foreach (var pin in pinnedThumbprints)
        {
            if (string.IsNullOrWhiteSpace(pin)) errors.Add($"{propertyName}[{index}] is empty.");
            else if (!HasOnlyThumbprintCharacters(pin)) errors.Add($"{propertyName}[{index}] must be a SHA-256 thumbprint (64 hex digits).");
            else if (Normalize(pin).Length == 40)
                errors.Add($"{propertyName}[{index}] is a SHA-1 thumbprint (40 hex digits); pin the certificate's SHA-256 thumbprint (64 hex digits) instead.");
            else if (Normalize(pin).Length != 64) errors.Add($"{propertyName}[{index}] must be a SHA-256 thumbprint (64 hex digits).");
            index++;
        }
        return errors;
    }

    /// <summary>The SHA-256 thumbprint of a certificate, upper-case hex (what to configure as a pin).</summary>
    /// <param name="certificate">The certificate.</param>
    public static string Sha256Thumbprint(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256));
    }

    private static bool HasOnlyThumbprintCharacters(string thumbprint) =>
        thumbprint.All(c => char.IsAsciiHexDigit(c) || c is ':' or ' ' or '-');
}
