namespace Cobranca.Connectors.Workflows;

/// <summary>Where a payment stands in the payment → unblock path.</summary>
public enum UnblockStatus
{
    /// <summary>Not finished: something was unavailable (billing system, an access controller) or the billing system has
    /// not registered the payment yet. Kept in the ledger and completed by <see cref="PaymentToUnblock.RetryPendingAsync"/>.</summary>
    Pending,
    /// <summary>Every configured access controller restored the customer's contracts.</summary>
    Restored,
    /// <summary>Final: service is not restored on this payment; see <see cref="UnblockOutcome.Reason"/> (another overdue
    /// invoice remains, the customer could not be found ...).</summary>
    NotRestored,
}
