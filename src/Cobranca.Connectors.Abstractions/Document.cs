using System.Diagnostics.CodeAnalysis;

namespace Cobranca.Connectors.Abstractions;

/// <summary>
/// A validated CPF or CNPJ. Parse from masked (<c>123.456.789-09</c>, <c>11.222.333/0001-81</c>) or bare text;
/// the check digits are verified. CNPJs may be alphanumeric (IN RFB 2.229/2024): letters are accepted in the first
/// 12 positions, check digits stay numeric.
/// </summary>
/// <remarks>
/// The value is personal data under LGPD: <see cref="ToString"/> returns the <see cref="Mask"/>ed form so the
/// document does not leak into logs by accident. Use <see cref="Value"/> or <see cref="Formatted"/> on purpose.
/// </remarks>
public readonly struct Document : IEquatable<Document>
{
    private static readonly int[] CpfWeights1 = [10, 9, 8, 7, 6, 5, 4, 3, 2];
    private static readonly int[] CpfWeights2 = [11, 10, 9, 8, 7, 6, 5, 4, 3, 2];
    private static readonly int[] CnpjWeights1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
    private static readonly int[] CnpjWeights2 = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];

    private readonly string? _value;

    private Document(string value, DocumentKind kind)
    {
        _value = value;
        Kind = kind;
    }

    /// <summary>CPF or CNPJ.</summary>
    public DocumentKind Kind { get; }

    /// <summary>The bare value: 11 digits (CPF) or 14 characters (CNPJ), upper case, no punctuation.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The official mask: <c>000.000.000-00</c> or <c>00.000.000/0000-00</c>.</summary>
    public string Formatted => _value is null
        ? string.Empty
        : Kind == DocumentKind.Cpf
            ? $"{Value[..3]}.{Value[3..6]}.{Value[6..9]}-{Value[9..]}"
            : $"{Value[..2]}.{Value[2..5]}.{Value[5..8]}/{Value[8..12]}-{Value[12..]}";

    /// <summary>Parses a CPF or CNPJ, masked or bare.</summary>
    /// <param name="text">The text.</param>
    /// <exception cref="FormatException">Wrong length, characters or check digits. The message never echoes the input.</exception>
    public static Document Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var document, out var error) ? document : throw new FormatException(error);
    }

    /// <summary>Tries to parse a CPF or CNPJ, masked or bare.</summary>
    /// <param name="text">The text.</param>
    /// <param name="document">The document, when valid.</param>
    public static bool TryParse([NotNullWhen(true)] string? text, out Document document) => TryParse(text, out document, out _);

    private static bool TryParse(string? text, out Document document, out string error)
    {
        document = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "The document is empty.";
            return false;
        }

        Span<char> buffer = stackalloc char[14];
        var length = 0;
        foreach (var raw in text)
        {
            if (raw is '.' or '-' or '/' or ' ' or '\t') continue;
            var c = char.ToUpperInvariant(raw);
            if (!char.IsAsciiDigit(c) && !char.IsAsciiLetterUpper(c))
            {
                error = "The document has characters other than digits, letters and the mask punctuation.";
                return false;
            }
            if (length == buffer.Length)
            {
                error = "The document is longer than a CNPJ (14 characters).";
                return false;
            }
            buffer[length++] = c;
        }

        var value = buffer[..length];
        switch (length)
        {
            case 11:
                if (!IsAllDigits(value)) { error = "A CPF has digits only."; return false; }
                if (IsRepeated(value)) { error = "A CPF of one repeated digit is not valid."; return false; }
                if (CheckDigit(value[..9], CpfWeights1) != value[9] - '0' || CheckDigit(value[..10], CpfWeights2) != value[10] - '0')
                {
                    error = "The CPF check digits do not match.";
                    return false;
                }
                document = new Document(new string(value), DocumentKind.Cpf);
                error = string.Empty;
                return true;
            case 14:
                if (!IsAllDigits(value[12..])) { error = "The CNPJ check digits must be numeric."; return false; }
                if (IsRepeated(value)) { error = "A CNPJ of one repeated digit is not valid."; return false; }
                if (CheckDigit(value[..12], CnpjWeights1) != value[12] - '0' || CheckDigit(value[..13], CnpjWeights2) != value[13] - '0')
                {
                    error = "The CNPJ check digits do not match.";
                    return false;
                }
                document = new Document(new string(value), DocumentKind.Cnpj);
                error = string.Empty;
                return true;
            default:
                error = $"A document has 11 (CPF) or 14 (CNPJ) characters, not {length}.";
                return false;
        }
    }

    /// <summary>Computes the check digit of <paramref name="body"/> (mod 11; letters count as their ASCII code minus 48).</summary>
    private static int CheckDigit(ReadOnlySpan<char> body, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < body.Length; i++) sum += (body[i] - '0') * weights[i];
        var rest = sum % 11;
        return rest < 2 ? 0 : 11 - rest;
    }

    private static bool IsAllDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (!char.IsAsciiDigit(c)) return false;
        return true;
    }

    private static bool IsRepeated(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (c != s[0]) return false;
        return true;
    }

    /// <summary>
    /// A form safe for logs: <c>***.456.789-**</c> for a CPF (the convention of the Brazilian government's LGPD
    /// guidance) and <c>11.222.***/****-**</c> for a CNPJ.
    /// </summary>
    public string Mask() => _value is null
        ? string.Empty
        : Kind == DocumentKind.Cpf
            ? $"***.{Value[3..6]}.{Value[6..9]}-**"
            : $"{Value[..2]}.{Value[2..5]}.***/****-**";

    /// <summary>Builds a valid CPF from its first nine digits (computes the check digits). Useful for test data.</summary>
    /// <param name="nineDigits">Nine digits.</param>
    public static Document CpfFromBase(string nineDigits)
    {
        ArgumentNullException.ThrowIfNull(nineDigits);
        if (nineDigits.Length != 9 || !IsAllDigits(nineDigits)) throw new FormatException("A CPF base has nine digits.");
        var d1 = CheckDigit(nineDigits, CpfWeights1);
        var ten = nineDigits + (char)('0' + d1);
        return Parse(ten + (char)('0' + CheckDigit(ten, CpfWeights2)));
    }

    /// <summary>Builds a valid CNPJ from its first twelve characters (computes the check digits). Useful for test data.</summary>
    /// <param name="twelveCharacters">Twelve digits or upper-case letters.</param>
    public static Document CnpjFromBase(string twelveCharacters)
    {
        ArgumentNullException.ThrowIfNull(twelveCharacters);
        var body = twelveCharacters.ToUpperInvariant();
        if (body.Length != 12 || body.Any(c => !char.IsAsciiDigit(c) && !char.IsAsciiLetterUpper(c)))
            throw new FormatException("A CNPJ base has twelve digits or letters.");
        var d1 = CheckDigit(body, CnpjWeights1);
        var thirteen = body + (char)('0' + d1);
        return Parse(thirteen + (char)('0' + CheckDigit(thirteen, CnpjWeights2)));
    }

    /// <inheritdoc />
    public bool Equals(Document other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Document other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>The masked form (see <see cref="Mask"/>), so a document never leaks into logs by accident.</summary>
    public override string ToString() => Mask();

    /// <summary>Equality.</summary>
    public static bool operator ==(Document left, Document right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Document left, Document right) => !left.Equals(right);
}
