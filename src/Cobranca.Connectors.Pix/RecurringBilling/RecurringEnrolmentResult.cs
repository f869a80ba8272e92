
namespace Cobranca.Connectors.Pix;

/// <summary>Where an enrolment stands.</summary>
public sealed class RecurringEnrolmentResult
{
    /// <summary>The customer.</summary>
    public required string CustomerId { get; init; }

    /// <summary>The recurrence (<c>idRec</c>), once created.</summary>
    public string? RecurrenceId { get; init; }

    /// <summary>The recurrence status at the PSP.</summary>
    public PixRecurrenceStatus Status { get; init; }

    /// <summary>Journey 2: the copia-e-cola to send (WhatsApp, e-mail); null for journey 1 or once finished.</summary>
    public string? QrCode { get; init; }

    /// <summary>Journey 1: the confirmation request sent to the payer's bank.</summary>
    public string? ConfirmationId { get; init; }

    /// <summary>True when the customer can be charged by Pix Automático.</summary>
    public bool IsActive => Status == PixRecurrenceStatus.Approved;
}
