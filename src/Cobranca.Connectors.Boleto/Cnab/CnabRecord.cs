using System.Globalization;

namespace Cobranca.Connectors.Boleto.Cnab;

/// <summary>One fixed-width line of a retorno file, padded to the record length; field readers throw <see cref="CnabRetornoException"/> naming the line, position and field.</summary>
internal readonly struct CnabRecord(int lineNumber, string text)
{
    public int LineNumber { get; } = lineNumber;

    public string Text { get; } = text;

    public char At(int position) => Text[position - 1];

    public string Raw(int start, int end) => Text.Substring(start - 1, end - start + 1);

    public string? OptionalText(int start, int end)
    {
        var value = Raw(start, end).Trim();
        return value.Length == 0 ? null : value;
    }

    /// <summary>A reference field: blank or all zeros (how banks fill an unused one) read as null.</summary>
    public string? Reference(int start, int end)
    {
        var value = OptionalText(start, end);
        return value is null || value.All(c => c == '0') ? null : value;
    }

    public CnabRetornoException Error(CnabErrorKind kind, int position, string field, string message) =>
        new(kind, LineNumber, position, field, message);

    /// <summary>Digits only; all blanks read as null when <paramref name="blankAllowed"/>.</summary>
    public long? Number(int start, int end, string field, bool blankAllowed = true)
    {
        var raw = Raw(start, end);
        if (string.IsNullOrWhiteSpace(raw) && raw.All(c => c == ' '))
        {
            if (blankAllowed) return null;
            throw Error(CnabErrorKind.InvalidField, start, field, $"positions {start}–{end} are blank; digits expected.");
        }
        long value = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (!char.IsAsciiDigit(raw[i]))
            {
                throw Error(CnabErrorKind.InvalidField, start + i, field,
                    $"character at position {start + i} is not a digit (field {start}–{end} holds digits only).");
            }
            value = (value * 10) + (raw[i] - '0');
        }
        return value;
    }

    public long RequiredNumber(int start, int end, string field) => Number(start, end, field, blankAllowed: false)!.Value;

    /// <summary>An amount with two implied decimals; blanks read as zero.</summary>
    public decimal Amount(int start, int end, string field) => (Number(start, end, field) ?? 0) / 100m;

    public string Code(int start, int end, string field) =>
        RequiredNumber(start, end, field).ToString(new string('0', end - start + 1), CultureInfo.InvariantCulture);

    /// <summary>DDMMAAAA (8) or DDMMAA (6); zeros or blanks read as null.</summary>
    public DateOnly? Date(int start, int end, string field)
    {
        var number = Number(start, end, field);
        if (number is null or 0) return null;
        var raw = Raw(start, end);
        var day = (raw[0] - '0') * 10 + (raw[1] - '0');
        var month = (raw[2] - '0') * 10 + (raw[3] - '0');
        var year = raw.Length == 8
            ? int.Parse(raw.AsSpan(4, 4), CultureInfo.InvariantCulture)
            : (raw[4] - '0') * 10 + (raw[5] - '0') is var yy && yy < 70 ? 2000 + yy : 1900 + yy;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            throw Error(CnabErrorKind.InvalidField, start, field,
                $"positions {start}–{end} are not a date ({(raw.Length == 8 ? "DDMMAAAA" : "DDMMAA")}).");
        }
        return new DateOnly(year, month, day);
    }
}
