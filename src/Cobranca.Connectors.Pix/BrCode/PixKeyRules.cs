using System.Text.RegularExpressions;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Pix;

/// <summary>DICT key formatting as it must appear in a BR Code (26/01).</summary>
internal static partial class PixKeyRules
{
    public const int MaxLength = 77;

    /// <summary>Classifies a key written in the canonical DICT format (what a conforming code carries).</summary>
    /// <param name="key">The key as found in the payload.</param>
    /// <param name="type">The key type.</param>
    /// <param name="canonical">False when the key is an EVP or e-mail with upper-case letters.</param>
    public static bool TryClassify(string key, out BrCodeKeyType type, out bool canonical)
    {
        type = default;
        canonical = true;
        if (key.Length is 0 or > MaxLength) return false;
        if (Evp().IsMatch(key))
        {
            type = BrCodeKeyType.Evp;
            canonical = !HasUpper(key);
            return true;
        }
        if (key.Contains('@', StringComparison.Ordinal))
        {
            type = BrCodeKeyType.Email;
            canonical = !HasUpper(key);
            return Email().IsMatch(key.ToLowerInvariant());
        }
        if (key[0] == '+')
        {
            type = BrCodeKeyType.Phone;
            return Phone().IsMatch(key);
        }
        if (key.Length == 11 && key.All(char.IsAsciiDigit))
        {
            type = BrCodeKeyType.Cpf;
            return Document.TryParse(key, out var cpf) && cpf.Kind == DocumentKind.Cpf;
        }
        if (key.Length == 14 && key.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)))
        {
            type = BrCodeKeyType.Cnpj;
            return Document.TryParse(key, out var cnpj) && cnpj.Kind == DocumentKind.Cnpj;
        }
        return false;
    }

    /// <summary>Normalises what a user typed into the canonical DICT format, or returns null when it is no valid key.</summary>
    public static string? Normalise(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        var key = input.Trim();
        string candidate;
        if (key.Contains('@', StringComparison.Ordinal) || Evp().IsMatch(key))
        {
            candidate = key.ToLowerInvariant();
        }
        else if (key[0] == '+')
        {
            candidate = new string(key.Where(c => c is not (' ' or '(' or ')' or '-')).ToArray());
        }
        else if (Document.TryParse(key, out var document))
        {
            candidate = document.Value;
        }
        else
        {
            candidate = key;
        }
        return TryClassify(candidate, out _, out var canonical) && canonical ? candidate : null;
    }

    private static bool HasUpper(string key) => key.Any(char.IsAsciiLetterUpper);

    [GeneratedRegex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex Evp();

    // DICT e-mail key pattern (lower case); checked on the lower-cased key.
    [GeneratedRegex(@"^[a-z0-9.!#$&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$")]
    private static partial Regex Email();

    // +55, a two-digit area code without zeros, then a 9-digit mobile (starting with 9) or an 8-digit landline.
    [GeneratedRegex(@"^\+55[1-9]{2}(?:9[0-9]{8}|[2-8][0-9]{7})$")]
    private static partial Regex Phone();
}
