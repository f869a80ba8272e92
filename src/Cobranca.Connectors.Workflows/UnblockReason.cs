namespace Cobranca.Connectors.Workflows;

/// <summary>Why a payment is not (yet) restored, or <see cref="None"/>.</summary>
public enum UnblockReason
{
    /// <summary>Nothing to explain (restored).</summary>
    None,
    /// <summary>The customer still has other overdue invoices: the debt is not settled, so no unblock.</summary>
    OtherOverdueInvoices,
    /// <summary>The payment did not name its invoice and the customer still has overdue invoices.</summary>
    OverdueInvoicesRemain,
    /// <summary>The paid invoice is still open in the billing system (it has not registered the payment yet); retried.</summary>
    PaymentNotYetRegistered,
    /// <summary>The paid invoice stayed open longer than <see cref="PaymentToUnblockOptions.SettlementWait"/> (partial payment,
    /// or the billing system never registered it): an operator must look.</summary>
    PaymentNotRegistered,
    /// <summary>Neither the payment nor the resolver says which customer or invoice it settles, or the invoice is unknown.</summary>
    TargetNotFound,
    /// <summary>The customer has no contract to restore.</summary>
    NoContracts,
    /// <summary>The billing system failed (down, timeout ...); retried.</summary>
    BillingSystemFailed,
    /// <summary>An access controller failed (down, timeout ...); retried.</summary>
    AccessControllerFailed,
    /// <summary>Recorded but not attempted yet: more payments arrived at once than
    /// <see cref="PaymentToUnblockOptions.MaxWaitingPayments"/> allows to wait; <see cref="PaymentToUnblock.RetryPendingAsync"/> restores it.</summary>
    IntakeLimitReached,
}
