namespace Cobranca.Connectors.Boleto.Cnab;

/// <summary>Optional checks for <see cref="CnabRetornoParser"/>.</summary>
public sealed class CnabRetornoOptions
{
    /// <summary>When set, a file from another bank (header bank code) is refused with <see cref="CnabErrorKind.BankMismatch"/>.</summary>
    public string? ExpectedBankCode { get; init; }

    /// <summary>
    /// CNAB 240: when a lot trailer reports title counts and totals (positions 24–115, not all zeros), they must equal
    /// the lot's segment T count and the sum of their face values. Default true. Set false for a bank that reports its
    /// portfolio totals there instead (record counts are always checked).
    /// </summary>
    public bool VerifyLotTotals { get; init; } = true;
}
