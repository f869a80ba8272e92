namespace Cobranca.Connectors.Boleto.Pdf;

/// <summary>The check digit printed after the bank code in the ficha's header (e.g. 001-9).</summary>
internal static class BankCodes
{
    // Banks whose printed digit is not the plain mod-11 result (Caixa prints 104-0, where mod 11 gives 10).
    private static readonly Dictionary<string, char> Known = new(StringComparer.Ordinal)
    {
        ["104"] = '0',
    };

    public static string WithDigit(string code)
    {
        if (Known.TryGetValue(code, out var known)) return $"{code}-{known}";
        int[] weights = [4, 3, 2];
        var sum = 0;
        for (var i = 0; i < 3; i++) sum += (code[i] - '0') * weights[i];
        var dv = 11 - (sum % 11);
        return $"{code}-{(dv == 11 ? '0' : dv == 10 ? 'X' : (char)('0' + dv))}";
    }
}
