using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Cobranca.Connectors.Pix;

/// <summary>
/// Deterministic, reversible Pix <c>txid</c>s for invoices. The same (prefix, invoice id, attempt) always gives the same
/// txid, so creating the charge with <c>PUT /cob[v]/{txid}</c> is safe to retry, and a payment's txid maps back to the
/// invoice id without a lookup table.
/// </summary>
/// <remarks>
/// <para>Layout (all <c>[A-Za-z0-9]</c>, 26 to 35 characters, as the BACEN <c>TxId</c> pattern requires):
/// <c>prefix</c> + two-digit length of the invoice id + one base-36 attempt digit + invoice id + <c>0</c> padding up
/// to 26 characters + a 4-character base-36 check (SHA-256 of everything before it).</para>
/// <para>The check only catches typos and foreign txids (another system's charges on the same key); it is not a
/// signature. Authenticity of a payment comes from re-querying the PSP, never from the txid.</para>
/// <para>Limits: prefix up to 10 alphanumerics, invoice id alphanumeric, prefix + invoice id at most 28 characters;
/// attempt 0 to 35 (use a new attempt when an expired or cancelled charge must be re-issued for the same invoice,
/// since a txid is unique per receiver).</para>
/// </remarks>
public static class PixTxid
{
    /// <summary>Minimum txid length for <c>PUT /cob/{txid}</c> and <c>PUT /cobv/{txid}</c>.</summary>
    public const int MinLength = 26;

    /// <summary>Maximum txid length.</summary>
    public const int MaxLength = 35;

    /// <summary>Maximum prefix length.</summary>
    public const int MaxPrefixLength = 10;

    private const int CheckLength = 4;
    private const int HeaderLength = 3;
    private const string Base36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>Builds the txid for an invoice.</summary>
    /// <param name="prefix">A short, fixed tag for your system or tenant (0 to 10 alphanumerics), e.g. <c>"ISP1"</c>.</param>
    /// <param name="invoiceId">The billing system's invoice id (alphanumeric).</param>
    /// <param name="attempt">Re-issue counter, 0 to 35.</param>
    /// <exception cref="ArgumentException">Non-alphanumeric input, or too long to fit 35 characters.</exception>
    public static string ForInvoice(string prefix, string invoiceId, int attempt = 0)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentException.ThrowIfNullOrEmpty(invoiceId);
        ArgumentOutOfRangeException.ThrowIfNegative(attempt);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(attempt, 35);
        if (prefix.Length > MaxPrefixLength || !IsAlphanumeric(prefix))
            throw new ArgumentException($"The prefix must be 0 to {MaxPrefixLength} letters or digits.", nameof(prefix));
        if (!IsAlphanumeric(invoiceId))
            throw new ArgumentException("The invoice id must be letters and digits only to fit in a Pix txid.", nameof(invoiceId));
        if (prefix.Length + invoiceId.Length > MaxLength - HeaderLength - CheckLength)
            throw new ArgumentException(
                $"Prefix plus invoice id must be at most {MaxLength - HeaderLength - CheckLength} characters.", nameof(invoiceId));

        var sb = new StringBuilder(MaxLength);
        sb.Append(prefix)
            .Append(invoiceId.Length.ToString("00", CultureInfo.InvariantCulture))
            .Append(Base36[attempt])
            .Append(invoiceId);
        while (sb.Length < MinLength - CheckLength) sb.Append('0');
        var body = sb.ToString();
        return body + Check(body);
    }

    /// <summary>
    /// Recovers the invoice id from a txid built by <see cref="ForInvoice"/> with the same prefix. False for any
    /// other txid (wrong prefix, wrong layout or failed check).
    /// </summary>
    /// <param name="txid">The txid (from a payment or a charge).</param>
    /// <param name="prefix">The prefix used to build it.</param>
    /// <param name="invoiceId">The invoice id.</param>
    /// <param name="attempt">The attempt number.</param>
    public static bool TryGetInvoiceId([NotNullWhen(true)] string? txid, string prefix, [NotNullWhen(true)] out string? invoiceId, out int attempt)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        invoiceId = null;
        attempt = 0;
        if (txid is null || txid.Length is < MinLength or > MaxLength || !IsAlphanumeric(txid)) return false;
        if (!txid.StartsWith(prefix, StringComparison.Ordinal)) return false;
        var p = prefix.Length;
        if (!int.TryParse(txid.AsSpan(p, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length < 1) return false;
        var attemptIndex = Base36.IndexOf(txid[p + 2], StringComparison.Ordinal);
        if (attemptIndex < 0) return false;
        var idStart = p + HeaderLength;
        var bodyLength = txid.Length - CheckLength;
        if (idStart + length > bodyLength) return false;
        for (var i = idStart + length; i < bodyLength; i++)
        {
            if (txid[i] != '0') return false;
        }

        var body = txid[..bodyLength];
        if (!string.Equals(Check(body), txid[bodyLength..], StringComparison.Ordinal)) return false;
        // Padding is only added up to the minimum length: a longer txid with padding was not built here.
        if (bodyLength > idStart + length && bodyLength != MinLength - CheckLength) return false;
        invoiceId = txid.Substring(idStart, length);
        attempt = attemptIndex;
        return true;
    }

    /// <summary>True when <paramref name="txid"/> matches the BACEN pattern for client-chosen txids (<c>[a-zA-Z0-9]{26,35}</c>).</summary>
    /// <param name="txid">The candidate.</param>
    public static bool IsValid([NotNullWhen(true)] string? txid) =>
        txid is { Length: >= MinLength and <= MaxLength } && IsAlphanumeric(txid);

    /// <summary>A random 32-character txid (no invoice mapping), for ad-hoc charges.</summary>
    public static string NewRandom() => Guid.NewGuid().ToString("N");

    private static bool IsAlphanumeric(string s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiLetterOrDigit(c)) return false;
        }

        return true;
    }

    private static string Check(string body)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.ASCII.GetBytes(body), hash);
        var n = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(hash) % (36u * 36 * 36 * 36);
        Span<char> chars = stackalloc char[CheckLength];
        for (var i = CheckLength - 1; i >= 0; i--)
        {
            chars[i] = Base36[(int)(n % 36)];
            n /= 36;
        }

        return new string(chars);
    }
}
