using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Pix;

/// <summary>A Pix Automático recurrence as the PSP reports it (<c>RecCompleta</c>). Enum fields keep their raw wire code.</summary>
public sealed class PixRecurrence
{
    /// <summary>The PSP-generated id (<c>idRec</c>, 29 characters; the second letter is R when retries are allowed, N when not).</summary>
    public required string Id { get; init; }

    /// <summary>The status.</summary>
    public PixRecurrenceStatus Status { get; init; }

    /// <summary>The status as sent by the PSP.</summary>
    public string? StatusCode { get; init; }

    /// <summary>Your contract id.</summary>
    public string? Contract { get; init; }

    /// <summary>What is charged (<c>vinculo.objeto</c>).</summary>
    public string? Description { get; init; }

    /// <summary>The payer's document, when present. Personal data: mask before display.</summary>
    public Document? Debtor { get; init; }

    /// <summary>The payer's name.</summary>
    public string? DebtorName { get; init; }

    /// <summary>First payment date; null when the PSP sent something unreadable.</summary>
    public DateOnly? StartDate { get; init; }

    /// <summary>Last date; null = indefinite.</summary>
    public DateOnly? EndDate { get; init; }

    /// <summary>How often it charges.</summary>
    public PixRecurrencePeriodicity Periodicity { get; init; }

    /// <summary>Fixed amount, when set.</summary>
    public decimal? FixedAmount { get; init; }

    /// <summary>Floor of the payer's maximum, when set.</summary>
    public decimal? MinimumAmount { get; init; }

    /// <summary>The retry policy.</summary>
    public PixRetryPolicy RetryPolicy { get; init; }

    /// <summary>The location id linked to it (journeys 2–4).</summary>
    public long? LocationId { get; init; }

    /// <summary>The location URL (no scheme) that serves the recurrence payload.</summary>
    public string? Location { get; init; }

    /// <summary>How the payer authorised it (<see cref="PixJourney.AwaitingDefinition"/> or <see cref="PixJourney.Unknown"/> before).</summary>
    public PixJourney Journey { get; init; }

    /// <summary>Journey 3/4: the txid of the charge paid or shown with the authorisation.</summary>
    public string? JourneyTxid { get; init; }

    /// <summary>The QR code text (<c>dadosQR.pixCopiaECola</c>) when asked with <c>GET /rec/{idRec}[?txid=]</c>; null otherwise.</summary>
    public string? QrCode { get; init; }

    /// <summary>The journey the QR code is for.</summary>
    public PixJourney QrJourney { get; init; }

    /// <summary>Who cancelled it (<c>encerramento.cancelamento.solicitante</c>: <c>USUARIO_PAGADOR</c>, <c>PSP_PAGADOR</c>, <c>USUARIO_RECEBEDOR</c>, <c>PSP_RECEBEDOR</c>).</summary>
    public string? CancelledBy { get; init; }

    /// <summary>The cancellation or rejection code, raw (<see cref="PixRejectionCodes.RecurrenceCancellation"/>, <c>AP13</c>, <c>AP14</c>…).</summary>
    public string? EndCode { get; init; }

    /// <summary>The payer's participant ISPB, once approved.</summary>
    public string? PayerIspb { get; init; }

    /// <summary>True when the payer authorised it.</summary>
    public bool IsApproved => Status == PixRecurrenceStatus.Approved;

    /// <summary>True for the terminal statuses (rejected, expired, cancelled).</summary>
    public bool IsFinished => Status is PixRecurrenceStatus.Rejected or PixRecurrenceStatus.Expired or PixRecurrenceStatus.Cancelled;

    /// <inheritdoc />
    public override string ToString() => $"Recurrence {Id} {StatusCode} contract={Contract}";
}
