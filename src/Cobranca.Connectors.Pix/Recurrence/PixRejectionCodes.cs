namespace Cobranca.Connectors.Pix;

/// <summary>
/// The rejection and cancellation codes of recurring charges and their attempts (BACEN API Pix 2.9.0). The models keep
/// the raw code as a string (an unknown code is preserved, never thrown); use these sets to classify it.
/// </summary>
public static class PixRejectionCodes
{
    /// <summary>Every rejection code the spec lists for <c>cobr</c> and its attempts.</summary>
    public static IReadOnlySet<string> Known { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "AB10", "AC05", "AC06", "AM02", "AM09", "DENC", "DS27", "DTED", "DTNT", "FBRD", "IRNT", "MIDI", "MSUC", "NIEC", "NIPA",
        "NITX", "QUNT", "RC09", "UDEI",
    };

    /// <summary>
    /// Attempt rejection codes that reject the whole recurring charge ("causam a rejeição da cobrança recorrente"):
    /// <c>AC05, AM09, DENC, DS27, DTED, MIDI, MSUC, NITX, RC09</c>. Retrying after one of them is pointless.
    /// </summary>
    public static IReadOnlySet<string> Final { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "AC05", "AM09", "DENC", "DS27", "DTED", "MIDI", "MSUC", "NITX", "RC09",
    };

    /// <summary>Cancellation codes of a recurring charge (<c>ACCT, BLCK, CCLD, FAIL, OTHR, SLBD, SLCR</c>).</summary>
    public static IReadOnlySet<string> ChargeCancellation { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "ACCT", "BLCK", "CCLD", "FAIL", "OTHR", "SLBD", "SLCR",
    };

    /// <summary>Cancellation codes of a recurrence (<c>encerramento.cancelamento.codigo</c>).</summary>
    public static IReadOnlySet<string> RecurrenceCancellation { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "ACCL", "CPCL", "DCSD", "ERSL", "FRUD", "PCFD", "SLCR", "SLDB",
    };

    /// <summary>True when <paramref name="code"/> is one of the <see cref="Final"/> codes.</summary>
    /// <param name="code">A raw code (null → false).</param>
    public static bool IsFinal(string? code) => code is not null && Final.Contains(code.Trim().ToUpperInvariant());
}
