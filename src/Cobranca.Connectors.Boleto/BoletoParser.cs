using System.Globalization;

namespace Cobranca.Connectors.Boleto;

/// <summary>A parse failure, kept as a value so TryParse never throws.</summary>
internal readonly record struct BoletoError(BoletoErrorKind Kind, string Message, int? Field = null)
{
    public BoletoException ToException() => new(Kind, Message, Field);
}

/// <summary>What the caller says was typed.</summary>
internal enum BoletoInput
{
    /// <summary>Decide by the number of digits (44 barcode, 47/48 linha).</summary>
    Auto,

    /// <summary>A linha digitável: 47 or 48 digits only.</summary>
    DigitableLine,

    /// <summary>A barcode: 44 digits, no punctuation.</summary>
    Barcode,
}

/// <summary>Parses 44/47/48-digit codes; never throws, every failure is a <see cref="BoletoError"/>.</summary>
internal static class BoletoParser
{
    private const int MaxDigits = 48;

    /// <summary>A due date decoded this far ahead of the reference date may belong to a boleto of the previous cycle.</summary>
    internal const int PreviousCycleSuspicionDays = 3650;

    public static BoletoCode? Parse(string? text, DateOnly referenceDate, out BoletoError error) =>
        Parse(text, referenceDate, BoletoInput.Auto, out error);

    public static BoletoCode? Parse(string? text, DateOnly referenceDate, BoletoInput input, out BoletoError error)
    {
        error = default;
        if (string.IsNullOrWhiteSpace(text)) return Fail(out error, BoletoErrorKind.Empty, "The barcode or linha digitável is empty.");
        var trimmed = text.AsSpan().Trim();
        Span<char> digits = stackalloc char[MaxDigits];
        Span<(int DigitIndex, char Separator)> separators = stackalloc (int, char)[MaxSeparators];
        var count = 0;
        var separatorCount = 0;
        var previousWasSpace = false;
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (char.IsAsciiDigit(c))
            {
                if (count == MaxDigits) return Fail(out error, BoletoErrorKind.InvalidLength, "More than 48 digits: not a barcode (44) nor a linha digitável (47 or 48).");
                digits[count++] = c;
                previousWasSpace = false;
            }
            else if (c is '.' or '-' or ' ')
            {
                // A run of spaces counts as one separator; anything else is recorded where it stands.
                if (c == ' ' && previousWasSpace) continue;
                previousWasSpace = c == ' ';
                if (separatorCount == MaxSeparators) return Fail(out error, BoletoErrorKind.InvalidFormat, FormatMessage);
                separators[separatorCount++] = (count, c);
            }
            else
            {
                return Fail(out error, BoletoErrorKind.InvalidCharacter,
                    $"Character {i} is not a digit; only digits and the printed punctuation (spaces, dots, hyphens) are allowed.");
            }
        }
        ReadOnlySpan<char> d = digits[..count];
        if (count == 44 && separatorCount > 0)
        {
            // A barcode is never printed with punctuation or in groups: 44 digits typed that way are a linha
            // digitável with digits missing, and reading them as a barcode gives a wrong amount whenever the general
            // check digit happens to match.
            return Fail(out error, BoletoErrorKind.InvalidLength,
                "44 digits typed with punctuation or spaces: a barcode is 44 digits with nothing between them, and a linha digitável has 47 (or 48) digits, so digits are missing.");
        }
        if (separatorCount > 0 && !MatchesLayout(count, separators[..separatorCount]))
        {
            return count is 47 or 48
                ? Fail(out error, BoletoErrorKind.InvalidFormat, FormatMessage)
                : Fail(out error, BoletoErrorKind.InvalidLength, LengthMessage(count));
        }
        if (input == BoletoInput.DigitableLine && count is not (47 or 48))
        {
            return Fail(out error, BoletoErrorKind.InvalidLength,
                $"{count} digits: a linha digitável has 47 (boleto bancário) or 48 (arrecadação).");
        }
        if (input == BoletoInput.Barcode && count != 44)
        {
            return Fail(out error, BoletoErrorKind.InvalidLength, $"{count} digits: a barcode has 44.");
        }
        return count switch
        {
            44 when d[0] == '8' => CollectionFromBarcode(d, out error),
            44 => BankFromBarcode(d, referenceDate, out error),
            47 => BankFromLine(d, referenceDate, out error),
            48 => CollectionFromLine(d, out error),
            _ => Fail(out error, BoletoErrorKind.InvalidLength, LengthMessage(count)),
        };
    }

    private const int MaxSeparators = 8;

    private const string FormatMessage =
        "The punctuation does not follow a printed layout: use digits only, \"AAAAA.AAAAA BBBBB.BBBBBB CCCCC.CCCCCC D EEEEEEEEEEEEEE\" (47) or \"AAAAAAAAAAA-A BBBBBBBBBBB-B CCCCCCCCCCC-C DDDDDDDDDDD-D\" (48).";

    private static string LengthMessage(int count) =>
        $"{count} digits: a barcode has 44, a linha digitável 47 (boleto bancário) or 48 (arrecadação).";

    // Printed layouts as (number of digits before the separator, separator). Any two layouts differ in more than one
    // character, so replacing one separator by another never turns a valid layout into another valid one.
    private static readonly (int, char)[][] Layouts47 =
    [
        [(5, '.'), (10, ' '), (15, '.'), (21, ' '), (26, '.'), (32, ' '), (33, ' ')],
        [(10, ' '), (21, ' '), (32, ' '), (33, ' ')],
    ];

    private static readonly (int, char)[][] Layouts48 =
    [
        [(11, '-'), (12, ' '), (23, '-'), (24, ' '), (35, '-'), (36, ' '), (47, '-')],
        [(11, ' '), (12, ' '), (23, ' '), (24, ' '), (35, ' '), (36, ' '), (47, ' ')],
        [(12, ' '), (24, ' '), (36, ' ')],
    ];

    private static bool MatchesLayout(int count, ReadOnlySpan<(int DigitIndex, char Separator)> separators)
    {
        var layouts = count switch { 47 => Layouts47, 48 => Layouts48, _ => [] };
        foreach (var layout in layouts)
        {
            if (separators.SequenceEqual(layout)) return true;
        }
        return false;
    }

    private static BoletoCode? BankFromLine(ReadOnlySpan<char> line, DateOnly referenceDate, out BoletoError error)
    {
        error = default;
        if (line[0] == '8')
        {
            // No bank code starts with 8 (that digit marks arrecadação): this is a 48-digit linha with a digit missing.
            return Fail(out error, BoletoErrorKind.InvalidLength,
                "47 digits starting with 8: a linha digitável starting with 8 is arrecadação and has 48 digits, so a digit is missing.");
        }
        ReadOnlySpan<(int Start, int Length)> fields = [(0, 9), (10, 10), (21, 10)];
        for (var f = 0; f < fields.Length; f++)
        {
            var (start, length) = fields[f];
            if (CheckDigits.Mod10(line.Slice(start, length)) != line[start + length] - '0')
            {
                return Fail(out error, BoletoErrorKind.InvalidFieldCheckDigit, $"The check digit of field {f + 1} of the linha digitável does not match.", f + 1);
            }
        }
        Span<char> barcode = stackalloc char[44];
        line[..4].CopyTo(barcode);
        barcode[4] = line[32];
        line[33..47].CopyTo(barcode[5..]);
        line[4..9].CopyTo(barcode[19..]);
        line[10..20].CopyTo(barcode[24..]);
        line[21..31].CopyTo(barcode[34..]);
        return BankFromBarcode(barcode, referenceDate, out error);
    }

    private static BoletoCode? BankFromBarcode(ReadOnlySpan<char> barcode, DateOnly referenceDate, out BoletoError error)
    {
        error = default;
        if (BankCheckDigit(barcode) != barcode[4] - '0')
        {
            return Fail(out error, BoletoErrorKind.InvalidCheckDigit, "The general check digit (mod 11) does not match.");
        }
        if (barcode[3] is not ('9' or '0'))
        {
            return Fail(out error, BoletoErrorKind.InvalidCurrency, "The currency code must be 9 (Real) or 0 (variable currency).");
        }
        var factor = int.Parse(barcode[5..9], NumberStyles.None, CultureInfo.InvariantCulture);
        if (factor is > 0 and < DueDateFactor.MinFactor)
        {
            return Fail(out error, BoletoErrorKind.InvalidDueDateFactor, "The due-date factor is below 1000, which no current boleto carries.");
        }
        DateOnly? dueDate = null;
        var outOfRange = false;
        if (factor > 0)
        {
            if (DueDateFactor.TryToDate(factor, referenceDate, out var date)) dueDate = date;
            else outOfRange = true;
        }
        var cents = long.Parse(barcode[9..19], NumberStyles.None, CultureInfo.InvariantCulture);
        var bc = barcode.ToString();
        var warnings = new List<BoletoWarning>(2);
        if (barcode[4] == '1') warnings.Add(BoletoWarning.WeakCheckDigit);
        if (dueDate is { } due && due.DayNumber - referenceDate.DayNumber >= PreviousCycleSuspicionDays)
        {
            warnings.Add(BoletoWarning.DueDateMayBeFromPreviousCycle);
        }
        return BoletoCode.ForBank(bc, BankLine(barcode), factor == 0 ? null : factor, dueDate, outOfRange, cents == 0 ? null : cents / 100m, warnings);
    }

    private static BoletoCode? CollectionFromLine(ReadOnlySpan<char> line, out BoletoError error)
    {
        error = default;
        if (line[0] != '8') return Fail(out error, BoletoErrorKind.InvalidProductCode, "A 48-digit linha digitável is arrecadação and must start with 8.");
        if (!TryCollectionModulus(line[2], out var mod10, out error)) return null;
        Span<char> barcode = stackalloc char[44];
        for (var b = 0; b < 4; b++)
        {
            var block = line.Slice(b * 12, 11);
            if (CollectionDigit(block, mod10) != line[(b * 12) + 11] - '0')
            {
                return Fail(out error, BoletoErrorKind.InvalidFieldCheckDigit, $"The check digit of block {b + 1} of the linha digitável does not match.", b + 1);
            }
            block.CopyTo(barcode[(b * 11)..]);
        }
        return CollectionFromBarcode(barcode, out error);
    }

    private static BoletoCode? CollectionFromBarcode(ReadOnlySpan<char> barcode, out BoletoError error)
    {
        error = default;
        if (!TryCollectionModulus(barcode[2], out var mod10, out error)) return null;
        if (CollectionCheckDigit(barcode, mod10) != barcode[3] - '0')
        {
            return Fail(out error, BoletoErrorKind.InvalidCheckDigit, $"The general check digit ({(mod10 ? "mod 10" : "mod 11")}) does not match.");
        }
        Span<char> line = stackalloc char[48];
        for (var b = 0; b < 4; b++)
        {
            var block = barcode.Slice(b * 11, 11);
            block.CopyTo(line[(b * 12)..]);
            line[(b * 12) + 11] = (char)('0' + CollectionDigit(block, mod10));
        }
        var valueIdentifier = barcode[2] - '0';
        decimal? amount = null;
        if (valueIdentifier is 6 or 8)
        {
            var cents = long.Parse(barcode[4..15], NumberStyles.None, CultureInfo.InvariantCulture);
            if (cents > 0) amount = cents / 100m;
        }
        // Mod 11 of arrecadação maps remainders 0 and 1 to the same digit 0.
        IReadOnlyList<BoletoWarning> warnings = !mod10 && barcode[3] == '0' ? [BoletoWarning.WeakCheckDigit] : [];
        return BoletoCode.ForCollection(barcode.ToString(), line.ToString(), barcode[1] - '0', valueIdentifier, amount, warnings);
    }

    /// <summary>Builds the 47-digit linha of a valid bank barcode.</summary>
    internal static string BankLine(ReadOnlySpan<char> barcode)
    {
        Span<char> line = stackalloc char[47];
        barcode[..4].CopyTo(line);
        barcode[19..24].CopyTo(line[4..]);
        line[9] = (char)('0' + CheckDigits.Mod10(line[..9]));
        barcode[24..34].CopyTo(line[10..]);
        line[20] = (char)('0' + CheckDigits.Mod10(line[10..20]));
        barcode[34..44].CopyTo(line[21..]);
        line[31] = (char)('0' + CheckDigits.Mod10(line[21..31]));
        line[32] = barcode[4];
        barcode[5..19].CopyTo(line[33..]);
        return line.ToString();
    }

    /// <summary>The mod-11 general check digit of a 44-digit bank barcode (position 5 skipped).</summary>
    internal static int BankCheckDigit(ReadOnlySpan<char> barcode)
    {
        Span<char> body = stackalloc char[43];
        barcode[..4].CopyTo(body);
        barcode[5..].CopyTo(body[4..]);
        return CheckDigits.Mod11Bank(body);
    }

    /// <summary>The general check digit of a 44-digit arrecadação barcode (position 4 skipped).</summary>
    internal static int CollectionCheckDigit(ReadOnlySpan<char> barcode, bool mod10)
    {
        Span<char> body = stackalloc char[43];
        barcode[..3].CopyTo(body);
        barcode[4..].CopyTo(body[3..]);
        return CollectionDigit(body, mod10);
    }

    private static int CollectionDigit(ReadOnlySpan<char> digits, bool mod10) =>
        mod10 ? CheckDigits.Mod10(digits) : CheckDigits.Mod11Collection(digits);

    private static bool TryCollectionModulus(char valueIdentifier, out bool mod10, out BoletoError error)
    {
        error = default;
        mod10 = valueIdentifier is '6' or '7';
        if (valueIdentifier is >= '6' and <= '9') return true;
        Fail(out error, BoletoErrorKind.InvalidValueIdentifier, "The arrecadação value identifier (3rd digit) must be 6, 7, 8 or 9.");
        return false;
    }

    private static BoletoCode? Fail(out BoletoError error, BoletoErrorKind kind, string message, int? field = null)
    {
        error = new BoletoError(kind, message, field);
        return null;
    }
}
