namespace Cobranca.Connectors.Boleto.Pdf;

/// <summary>
/// Interleaved 2 of 5 (ITF): pairs of digits, the first digit's pattern in the bars, the second's in the spaces;
/// start NNNN, stop WNN. Element widths are returned in narrow units (1 = narrow, <c>ratio</c> = wide).
/// </summary>
internal static class InterleavedTwoOfFive
{
    // N = narrow, W = wide, for digits 0–9 (the standard ITF table).
    private static readonly string[] Patterns = ["NNWWN", "WNNNW", "NWNNW", "WWNNN", "NNWNW", "WNWNN", "NWWNN", "NNNWW", "WNNWN", "NWNWN"];

    /// <summary>The bars and spaces, alternating and starting with a bar: true = wide.</summary>
    public static IReadOnlyList<bool> Elements(string digits)
    {
        if (digits.Length % 2 != 0 || !digits.All(char.IsAsciiDigit)) throw new ArgumentException("ITF encodes an even number of digits.", nameof(digits));
        var elements = new List<bool>(8 + (digits.Length * 5));
        elements.AddRange([false, false, false, false]);
        for (var i = 0; i < digits.Length; i += 2)
        {
            var bars = Patterns[digits[i] - '0'];
            var spaces = Patterns[digits[i + 1] - '0'];
            for (var k = 0; k < 5; k++)
            {
                elements.Add(bars[k] == 'W');
                elements.Add(spaces[k] == 'W');
            }
        }
        elements.AddRange([true, false, false]);
        return elements;
    }

    /// <summary>The filled bars as (offset, width) in millimetres from the left edge of the symbol (quiet zone excluded).</summary>
    public static IReadOnlyList<(double X, double Width)> Bars(string digits, double narrow, double ratio)
    {
        var bars = new List<(double, double)>();
        var x = 0d;
        var elements = Elements(digits);
        for (var i = 0; i < elements.Count; i++)
        {
            var width = elements[i] ? narrow * ratio : narrow;
            if (i % 2 == 0) bars.Add((x, width));
            x += width;
        }
        return bars;
    }

    /// <summary>The symbol's width in narrow units (quiet zones excluded).</summary>
    public static double Width(int digitCount, double ratio) => 4 + (digitCount * (3 + (2 * ratio))) + ratio + 2;
}
