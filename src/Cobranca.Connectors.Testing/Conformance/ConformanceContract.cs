namespace Cobranca.Connectors.Testing.Conformance;

/// <summary>Which contract a conformance check exercises.</summary>
public enum ConformanceContract
{
    /// <summary><see cref="Abstractions.IBillingSystem"/>.</summary>
    Billing,

    /// <summary><see cref="Abstractions.IAccessController"/>.</summary>
    Access,
}
