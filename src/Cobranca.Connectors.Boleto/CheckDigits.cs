namespace Cobranca.Connectors.Boleto;

/// <summary>The FEBRABAN check-digit routines.</summary>
internal static class CheckDigits
{
    /// <summary>Mod 10: weights 2,1,2,1... from the right; products over 9 count as the sum of their digits.</summary>
    public static int Mod10(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var weight = 2;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var product = (digits[i] - '0') * weight;
            sum += product > 9 ? product - 9 : product;
            weight = weight == 2 ? 1 : 2;
        }
        return (10 - (sum % 10)) % 10;
    }

    /// <summary>Weighted sum mod 11 with weights 2..9 repeating from the right.</summary>
    private static int Mod11Rest(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var weight = 2;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            sum += (digits[i] - '0') * weight;
            weight = weight == 9 ? 2 : weight + 1;
        }
        return sum % 11;
    }

    /// <summary>General DV of a bank barcode (ficha de compensação): 11 − rest; 0, 10 and 11 become 1.</summary>
    public static int Mod11Bank(ReadOnlySpan<char> digits)
    {
        var dv = 11 - Mod11Rest(digits);
        return dv is 0 or 10 or 11 ? 1 : dv;
    }

    /// <summary>Mod 11 of arrecadação: rest 0 or 1 gives 0, otherwise 11 − rest.</summary>
    public static int Mod11Collection(ReadOnlySpan<char> digits)
    {
        var rest = Mod11Rest(digits);
        return rest is 0 or 1 ? 0 : 11 - rest;
    }
}
