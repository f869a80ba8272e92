using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Boleto.Cnab;

/// <summary>
/// A whole retorno file, parsed and checked (<see cref="CnabRetornoParser"/>), or built to be written
/// (<see cref="CnabRetornoWriter"/>).
/// </summary>
public sealed class CnabRetornoFile
{
    /// <summary>CNAB 240 or CNAB 400.</summary>
    public required CnabLayout Layout { get; init; }

    /// <summary>The bank's 3-digit code (e.g. <c>001</c>, <c>237</c>, <c>341</c>, <c>756</c>).</summary>
    public required string BankCode { get; init; }

    /// <summary>The bank's name as the header wrote it; null when blank.</summary>
    public string? BankName { get; init; }

    /// <summary>When the bank generated the file (header); null when absent.</summary>
    public DateOnly? GeneratedOn { get; init; }

    /// <summary>The file's sequence number (CNAB 240 NSA, header 158–163): store the last one per account to refuse re-sent files. Null when absent.</summary>
    public long? FileSequence { get; init; }

    /// <summary>Every title movement, in file order.</summary>
    public required IReadOnlyList<CnabMovement> Movements { get; init; }

    /// <summary>The liquidations only.</summary>
    public IEnumerable<CnabMovement> Payments => Movements.Where(m => m.IsPayment);

    /// <summary>What was tolerated while reading (a missing retorno flag, unknown record types); empty for a clean file.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Every liquidation as a <see cref="PaymentReceived"/> (see <see cref="CnabMovement.ToPaymentReceived"/>).</summary>
    /// <param name="source">The <see cref="PaymentReceived.Source"/> to set.</param>
    public IReadOnlyList<PaymentReceived> ToPaymentsReceived(string source = "boleto") =>
        Payments.Select(p => p.ToPaymentReceived(BankCode, source)).ToList();
}
