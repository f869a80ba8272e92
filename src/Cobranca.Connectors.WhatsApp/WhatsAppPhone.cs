using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.WhatsApp;

/// <summary>
/// Phone numbers as WhatsApp wants them (E.164 digits without <c>+</c>: <c>5511987654321</c>) and the Brazilian ninth
/// digit: accounts created before the ninth digit outside DDDs 11–19, 21, 22, 24, 27 and 28 usually keep an 8-digit
/// wa_id (<c>553196883193</c> for the mobile <c>(31) 99688-3193</c>), so wa_ids and stored mobiles are matched in both forms.
/// </summary>
public static class WhatsAppPhone
{
    /// <summary>
    /// E.164 digits without <c>+</c>. Brazilian numbers in any usual form (<c>(11) 98765-4321</c>, <c>011 98765-4321</c>,
    /// a mobile without its ninth digit) become <c>55</c> + DDD + nine digits; other countries need a leading <c>+</c>
    /// (<c>+1 650 555 1234</c>) and keep their digits. <c>00</c> prefixes are refused (Meta rejects them).
    /// </summary>
    /// <param name="phone">The phone.</param>
    /// <exception cref="FormatException">Not a phone number (the message never echoes it).</exception>
    public static string Normalize(string phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        var t = phone.Trim();
        if (t.StartsWith('+') && !t.StartsWith("+55", StringComparison.Ordinal))
        {
            var digits = new string(t.Where(char.IsAsciiDigit).ToArray());
            if (digits.Length is < 8 or > 15 || t.Skip(1).Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '-' or '(' or ')' or '.')))
                throw new FormatException("Not an international phone number (E.164: + country code and up to 15 digits).");
            return digits;
        }
        if (!PhoneNumber.TryParse(t, out var br)) throw new FormatException("Not a Brazilian phone number (DDD + 8 or 9 digits, optionally +55).");
        return br.E164[1..];
    }

    /// <summary>
    /// The wa_id forms a Brazilian mobile may have: <c>5531996883193</c> → { <c>5531996883193</c>, <c>553196883193</c> }
    /// and the reverse. Landlines and other countries give only the normalised number.
    /// </summary>
    /// <param name="phoneOrWaId">A phone or a wa_id.</param>
    /// <exception cref="FormatException">Not a phone number.</exception>
    public static IReadOnlyList<string> Candidates(string phoneOrWaId)
    {
        ArgumentNullException.ThrowIfNull(phoneOrWaId);
        var raw = phoneOrWaId.Trim().TrimStart('+');
        string n;
        if (raw.All(char.IsAsciiDigit) && raw.StartsWith("55", StringComparison.Ordinal) && raw.Length is 12 or 13)
            n = raw;
        else
            n = Normalize(phoneOrWaId);
        if (!n.StartsWith("55", StringComparison.Ordinal)) return [n];
        // Only mobiles that had 8 digits before (starting with 6 to 9) have an 8-digit form: 9 3211-4567 never was 3211-4567.
        if (n.Length == 13 && n[4] == '9' && n[5] is >= '6' and <= '9') return [n, n[..4] + n[5..]];
        if (n.Length == 12 && n[4] is >= '6' and <= '9') return [n[..4] + "9" + n[4..], n];
        return [n];
    }

    /// <summary>True when a wa_id and a phone are the same number, up to the Brazilian ninth digit (either side may lack it).</summary>
    /// <param name="waId">A wa_id (or phone).</param>
    /// <param name="phone">A stored phone (or wa_id).</param>
    public static bool Matches(string? waId, string? phone)
    {
        if (string.IsNullOrWhiteSpace(waId) || string.IsNullOrWhiteSpace(phone)) return false;
        try
        {
            var a = Candidates(waId);
            var b = Candidates(phone);
            return a.Any(x => b.Contains(x, StringComparer.Ordinal));
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>A form safe for logs: the country code, DDD and the last four digits (<c>55 11 *****-4321</c>).</summary>
    /// <param name="phoneOrWaId">A phone or a wa_id.</param>
    public static string Mask(string? phoneOrWaId)
    {
        if (string.IsNullOrWhiteSpace(phoneOrWaId)) return string.Empty;
        var d = new string(phoneOrWaId.Where(char.IsAsciiDigit).ToArray());
        if (d.Length < 6) return SensitiveData.Placeholder;
        return d.StartsWith("55", StringComparison.Ordinal) && d.Length is 12 or 13
            ? $"55 {d[2..4]} *****-{d[^4..]}"
            : $"+{d[..2]} *****{d[^4..]}";
    }
}
