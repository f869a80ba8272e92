using System.Text.RegularExpressions;

namespace Cobranca.Connectors.Abstractions;

/// <summary>
/// Redacts secrets and personal data (LGPD) from free text before it reaches a log, an exception message or
/// telemetry: bearer/basic credentials, <c>token</c>/<c>senha</c>/<c>password</c>/<c>client_secret</c> values in JSON,
/// query strings and forms, CPFs and CNPJs (masked or bare), Brazilian phone numbers, e-mail addresses and Pix keys
/// (random EVP keys). Every connector runs provider bodies and messages through it; the exception hierarchy does it
/// by construction.
/// </summary>
public static partial class SensitiveData
{
    /// <summary>The placeholder that replaces a redacted value.</summary>
    public const string Placeholder = "***";

    /// <summary>Default length a redacted body is cut to.</summary>
    public const int DefaultMaxLength = 2048;

    /// <summary>Redacts <paramref name="text"/>. Null stays null.</summary>
    /// <param name="text">Any text: a body, a message, a URL.</param>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public static string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        var s = AuthorizationHeader().Replace(text, m => m.Groups[1].Value + Placeholder);
        s = BearerToken().Replace(s, m => m.Groups[1].Value + Placeholder);
        s = JsonSecret().Replace(s, m => m.Groups[1].Value + "\"" + Placeholder + "\"");
        s = FormSecret().Replace(s, m => m.Groups[1].Value + Placeholder);
        s = UrlUserInfo().Replace(s, m => m.Groups[1].Value + Placeholder + "@");
        s = Email().Replace(s, Placeholder);
        s = Evp().Replace(s, Placeholder);
        s = Cnpj().Replace(s, Placeholder);
        s = Cpf().Replace(s, Placeholder);
        s = Phone().Replace(s, Placeholder);
        return s;
    }

    /// <summary>Redacts, then truncates to <paramref name="maxLength"/> characters (marking the cut).</summary>
    /// <param name="text">Any text.</param>
    /// <param name="maxLength">Maximum length kept.</param>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public static string? RedactAndTruncate(string? text, int maxLength = DefaultMaxLength)
    {
        var s = Redact(text);
        if (s is null || s.Length <= maxLength) return s;
        return string.Concat(s.AsSpan(0, maxLength), "…(truncated)");
    }

    /// <summary>Masks a secret for display: keeps nothing but its length class (<c>***</c>).</summary>
    /// <param name="secret">A token or password.</param>
    public static string MaskSecret(string? secret) => string.IsNullOrEmpty(secret) ? string.Empty : Placeholder;

    /// <summary>Masks a Pix key for display: e-mail <c>j***@d***</c>, phone/CPF/CNPJ by their own masks, random keys to the first 4 characters.</summary>
    /// <param name="key">A Pix key of any type.</param>
    public static string MaskPixKey(string? key)
    {
        if (string.IsNullOrWhiteSpace(key)) return string.Empty;
        var k = key.Trim();
        var at = k.IndexOf('@', StringComparison.Ordinal);
        if (at > 0) return $"{k[0]}***@{(at + 1 < k.Length ? k[at + 1] : '*')}***";
        if (k.StartsWith('+') && PhoneNumber.TryParse(k, out var phone)) return phone.Mask();
        if (Document.TryParse(k, out var doc)) return doc.Mask();
        return k.Length <= 4 ? Placeholder : k[..4] + Placeholder;
    }

    // Header lines and header dumps ("Authorization: Bearer x", "Authorization":"Basic x", Cookie, X-Api-Key).
    [GeneratedRegex(@"((?:Authorization|Proxy-Authorization|Cookie|Set-Cookie|X-Api-Key|Api-Key)""?\s*[:=]\s*""?(?:(?:Bearer|Basic|Digest)\s+)?)[^\s,;""']+", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorizationHeader();

    // A bearer token quoted outside a header (long enough to be a token, so "Bearer token expired" stays readable).
    [GeneratedRegex(@"(\bBearer\s+)[A-Za-z0-9\-._~+/]{16,}=*", RegexOptions.IgnoreCase)]
    private static partial Regex BearerToken();

    // "key": "value" or "key": 123 for secret-looking keys.
    [GeneratedRegex(@"(""(?:[a-z_]*token[a-z_]*|senha[a-z_]*|[a-z_]*password[a-z_]*|passwd|pass|pwd|[a-z_]*secret[a-z_]*|api_?key|hash|chave|chave_pix|pix_key)""\s*:\s*)(?:""(?:[^""\\]|\\.)*""|[^\s,}\]]+)", RegexOptions.IgnoreCase)]
    private static partial Regex JsonSecret();

    // key=value in query strings, forms and RouterOS API words (=password=x); key: value in logs.
    [GeneratedRegex(@"((?:^|[?&\s;,=])(?:[a-z_]*token[a-z_]*|senha[a-z_]*|[a-z_]*password[a-z_]*|passwd|pass|pwd|[a-z_]*secret[a-z_]*|api_?key|hash)(?:=|:\s*))[^&\s;,""']+", RegexOptions.IgnoreCase)]
    private static partial Regex FormSecret();

    [GeneratedRegex(@"(\b[a-z][a-z0-9+.-]*://)[^/\s:@]+:[^/\s@]+@", RegexOptions.IgnoreCase)]
    private static partial Regex UrlUserInfo();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    [GeneratedRegex(@"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b")]
    private static partial Regex Evp();

    [GeneratedRegex(@"(?<![\w.])[0-9A-Z]{2}\.?[0-9A-Z]{3}\.?[0-9A-Z]{3}/?[0-9A-Z]{4}-?\d{2}(?![\w])", RegexOptions.IgnoreCase)]
    private static partial Regex Cnpj();

    [GeneratedRegex(@"(?<![\w.])\d{3}\.?\d{3}\.?\d{3}-?\d{2}(?![\w])")]
    private static partial Regex Cpf();

    // Optional +55 or trunk 0 (with an optional carrier code), DDD, 8 or 9 digits, the usual punctuation.
    [GeneratedRegex(@"(?<![\w+])(?:\+?55[\s.-]?|0[\s.-]?(?:[1-9]\d[\s.-]?)?)?\(?\d{2}\)?[\s.-]?9?\d{4}[\s.-]?\d{4}(?![\w])")]
    private static partial Regex Phone();
}
