namespace Cobranca.Connectors.Workflows;

/// <summary>A customer the run could not plan (debt status or ledger unavailable); the next run tries again.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Error">Why (redacted).</param>
public sealed record DunningCustomerFailure(string CustomerId, string Error);
