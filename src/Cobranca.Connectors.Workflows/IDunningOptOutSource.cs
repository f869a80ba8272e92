namespace Cobranca.Connectors.Workflows;

/// <summary>Host-supplied per-customer opt-out of automated dunning (a flag in the ERP, a table of the host ...).</summary>
public interface IDunningOptOutSource
{
    /// <summary>What automated dunning must not do for this customer.</summary>
    /// <param name="customerId">The billing system's customer id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<DunningOptOut> GetOptOutAsync(string customerId, CancellationToken cancellationToken = default);
}
