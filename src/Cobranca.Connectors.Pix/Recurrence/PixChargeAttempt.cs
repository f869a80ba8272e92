namespace Cobranca.Connectors.Pix;

/// <summary>One settlement attempt of a recurring charge (<c>tentativas[]</c>).</summary>
public sealed class PixChargeAttempt
{
    /// <summary>The settlement date; null when the PSP sent an unreadable date (see <see cref="SettlementDateText"/>).</summary>
    public DateOnly? SettlementDate { get; init; }

    /// <summary>The settlement date as sent.</summary>
    public string? SettlementDateText { get; init; }

    /// <summary>The attempt type, raw: <c>AGND</c> (the original schedule), <c>NTAG</c> (a retry), <c>RIFL</c> (same-day resend).</summary>
    public string? Type { get; init; }

    /// <summary>The status.</summary>
    public PixChargeAttemptStatus Status { get; init; }

    /// <summary>The status as sent.</summary>
    public string? StatusCode { get; init; }

    /// <summary>The end-to-end id of the attempt.</summary>
    public string? EndToEndId { get; init; }

    /// <summary>The rejection code, raw (see <see cref="PixRejectionCodes"/>).</summary>
    public string? RejectionCode { get; init; }

    /// <summary>True while the attempt may still settle (requested or scheduled).</summary>
    public bool IsPending => Status is PixChargeAttemptStatus.Requested or PixChargeAttemptStatus.Scheduled;
}
