using System.Diagnostics.CodeAnalysis;

namespace Cobranca.Connectors.Abstractions;

/// <summary>
/// A Brazilian phone number normalised to DDD + subscriber number. Accepts what people and ERPs type:
/// <c>(79) 99876-5432</c>, <c>+55 79 998765432</c>, <c>079998765432</c>, <c>0 15 79 99876-5432</c> (carrier code),
/// <c>5579998765432</c> (WhatsApp ids), and mobiles still written without the ninth digit (<c>(79) 9876-5432</c>,
/// normalised to nine digits).
/// </summary>
/// <remarks><see cref="ToString"/> is masked (personal data under LGPD); use <see cref="E164"/> on purpose.</remarks>
public readonly struct PhoneNumber : IEquatable<PhoneNumber>
{
    private static readonly HashSet<int> ValidDdds =
    [
        11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 24, 27, 28, 31, 32, 33, 34, 35, 37, 38,
        41, 42, 43, 44, 45, 46, 47, 48, 49, 51, 53, 54, 55, 61, 62, 63, 64, 65, 66, 67, 68, 69,
        71, 73, 74, 75, 77, 79, 81, 82, 83, 84, 85, 86, 87, 88, 89, 91, 92, 93, 94, 95, 96, 97, 98, 99,
    ];

    private readonly string? _number;

    private PhoneNumber(int ddd, string number)
    {
        Ddd = ddd;
        _number = number;
    }

    /// <summary>Area code (DDD), 11..99.</summary>
    public int Ddd { get; }

    /// <summary>Subscriber number: 9 digits for mobiles (starting with 9), 8 for landlines.</summary>
    public string Number => _number ?? string.Empty;

    /// <summary>True for mobiles (nine digits starting with 9).</summary>
    public bool IsMobile => Number.Length == 9;

    /// <summary>E.164 form, <c>+5579998765432</c>.</summary>
    public string E164 => _number is null ? string.Empty : $"+55{Ddd}{Number}";

    /// <summary>The last eight digits, formatted <c>8765-4321</c>: what matches both 8- and 9-digit stored forms of a mobile.</summary>
    public string LastEightMasked => _number is null ? string.Empty : $"{Number[^8..^4]}-{Number[^4..]}";

    /// <summary>National masked form, <c>(79) 99876-5432</c> or <c>(79) 3211-4567</c>.</summary>
    public string Formatted => _number is null ? string.Empty : IsMobile ? $"({Ddd}) {Number[..5]}-{Number[5..]}" : $"({Ddd}) {Number[..4]}-{Number[4..]}";

    /// <summary>Parses a Brazilian phone number.</summary>
    /// <param name="text">The text.</param>
    /// <exception cref="FormatException">Not a Brazilian phone number with a valid DDD. The message never echoes the input.</exception>
    public static PhoneNumber Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var phone, out var error) ? phone : throw new FormatException(error);
    }

    /// <summary>Tries to parse a Brazilian phone number.</summary>
    /// <param name="text">The text.</param>
    /// <param name="phone">The phone, when valid.</param>
    public static bool TryParse([NotNullWhen(true)] string? text, out PhoneNumber phone) => TryParse(text, out phone, out _);

    private static bool TryParse(string? text, out PhoneNumber phone, out string error)
    {
        phone = default;
        if (string.IsNullOrWhiteSpace(text)) { error = "The phone number is empty."; return false; }

        var digits = new System.Text.StringBuilder(16);
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c)) digits.Append(c);
            else if (c is not (' ' or '(' or ')' or '-' or '.' or '+' or '\t'))
            {
                error = "The phone number has characters other than digits and punctuation.";
                return false;
            }
        }

        var d = digits.ToString();
        // Country code: +55 (only when what follows still has room for DDD + number).
        if (d.Length >= 12 && d.StartsWith("55", StringComparison.Ordinal) && d.Length <= 13) d = d[2..];
        // Trunk prefix 0, optionally followed by a two-digit carrier code (0 XX DDD NUMBER): the length tells them
        // apart (0 + DDD + 8/9 digits is 11/12 long; with a carrier code it is 13/14).
        if (d.Length > 0 && d[0] == '0')
        {
            if (d.Length is 11 or 12) d = d[1..];
            else if (d.Length is 13 or 14) d = d[3..];
        }

        if (d.Length is not (10 or 11)) { error = "A Brazilian phone number has a DDD and 8 or 9 digits."; return false; }

        var ddd = (d[0] - '0') * 10 + (d[1] - '0');
        if (!ValidDdds.Contains(ddd)) { error = "The DDD (area code) is not a Brazilian one."; return false; }

        var number = d[2..];
        if (number.Length == 9)
        {
            if (number[0] != '9') { error = "A nine-digit number is a mobile and starts with 9."; return false; }
        }
        else if (number[0] is >= '6' and <= '9')
        {
            number = "9" + number; // a mobile written without the ninth digit
        }
        else if (number[0] is '0' or '1')
        {
            error = "A landline number starts with 2 to 5.";
            return false;
        }

        phone = new PhoneNumber(ddd, number);
        error = string.Empty;
        return true;
    }

    /// <summary>A form safe for logs: <c>(79) *****-5432</c>.</summary>
    public string Mask() => _number is null ? string.Empty : $"({Ddd}) *****-{Number[^4..]}";

    /// <inheritdoc />
    public bool Equals(PhoneNumber other) => Ddd == other.Ddd && string.Equals(Number, other.Number, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PhoneNumber other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Ddd, Number);

    /// <summary>The masked form (see <see cref="Mask"/>).</summary>
    public override string ToString() => Mask();

    /// <summary>Equality.</summary>
    public static bool operator ==(PhoneNumber left, PhoneNumber right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(PhoneNumber left, PhoneNumber right) => !left.Equals(right);
}
