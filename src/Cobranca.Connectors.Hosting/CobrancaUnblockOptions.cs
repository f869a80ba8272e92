using Cobranca.Connectors.Workflows;

namespace Cobranca.Connectors.Hosting;

/// <summary>Payment → unblock of a tenant (<c>Cobranca:Tenants:{name}:Unblock</c>).</summary>
public sealed class CobrancaUnblockOptions
{
    /// <summary>Run the pending-unblock retry loop (<see cref="PaymentToUnblock.RetryPendingAsync"/>). Default true.</summary>
    public bool RetryPending { get; set; } = true;

    /// <summary>Time between retry passes. Default 5 minutes (RGC art. 78 gives a day; a few retries fit in it).</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary><see cref="PaymentToUnblockOptions.ClaimLease"/>. Default 5 minutes.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Every problem (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (RetryInterval < TimeSpan.FromSeconds(1)) errors.Add("RetryInterval must be at least 1 second.");
        if (ClaimLease <= TimeSpan.Zero) errors.Add("ClaimLease must be positive.");
        return errors;
    }
}
