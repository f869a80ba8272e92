namespace Cobranca.Connectors.Pix;

/// <summary>What the monthly run did (or found) for one invoice.</summary>
public enum RecurringInvoiceOutcome
{
    /// <summary>Before the scheduling window: nothing to do yet.</summary>
    NotYetInWindow,

    /// <summary>
    /// The customer has no approved recurrence and the workflow has no <c>lotecobv</c> client: charge by cobv instead
    /// (with a client, these invoices are batched: <see cref="DueChargeBatched"/>).
    /// </summary>
    NotEnrolled,

    /// <summary>The cobr was created now.</summary>
    Created,

    /// <summary>The cobr exists and waits for its attempt.</summary>
    Scheduled,

    /// <summary>A retry was requested now.</summary>
    RetryRequested,

    /// <summary>The cobr can no longer be cancelled and may still be debited: the fallback waits for that outcome.</summary>
    AwaitingOutcome,

    /// <summary>Paid by Pix Automático.</summary>
    Paid,

    /// <summary>The cobr ended unpaid (or was never created in time): the fallback cobv exists and the régua takes over.</summary>
    HandedToDunning,

    /// <summary>Both the cobr and a cobv were paid: the cobv payment's devolução was requested.</summary>
    DoublePaymentRefunded,

    /// <summary>An error this run; the next run retries (see <see cref="RecurringInvoiceResult.Detail"/>).</summary>
    Failed,

    /// <summary>Not enrolled: the invoice's cobv was sent in a <c>lotecobv</c> batch and the PSP is still processing it.</summary>
    DueChargeBatched,

    /// <summary>Not enrolled: the batch created the invoice's cobv (<see cref="RecurringInvoiceResult.FallbackTxid"/>); the régua collects it.</summary>
    DueChargeIssued,

    /// <summary>
    /// Not enrolled: the PSP refused the invoice's cobv (<see cref="RecurringInvoiceResult.Detail"/> names the problem
    /// and fields). Fix the data, then <see cref="RecurringBilling.RequestFallbackAsync"/> issues it on its own.
    /// </summary>
    DueChargeDenied,
}
