namespace Cobranca.Connectors.Workflows;

/// <summary>The kind of an <see cref="UnblockStep"/>.</summary>
public enum UnblockStepKind
{
    /// <summary>Finding the customer and invoice the payment settles.</summary>
    Locate,
    /// <summary>Re-reading the customer's debt status from the billing system.</summary>
    ReadDebt,
    /// <summary>Restoring one contract through one access controller.</summary>
    Unblock,
}
