using Cobranca.Connectors.Pix;

namespace Cobranca.Connectors.Hosting;

/// <summary>The Pix reconciliation poller of a tenant (<c>Cobranca:Tenants:{name}:PixReconciliation</c>).</summary>
public sealed class CobrancaPixReconciliationOptions
{
    /// <summary>Poll the PSP for payments whose webhook never arrived. Default true (when the tenant has Pix).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Time between passes. Default 5 minutes.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Window of each pass, longer than <see cref="Interval"/> so passes overlap. Default 2 hours.</summary>
    public TimeSpan LookBack { get; set; } = TimeSpan.FromHours(2);

    /// <summary><see cref="PixPaymentOptions.TxidPrefix"/>: the prefix of the txids you create per invoice (<see cref="PixTxid.ForInvoice"/>).</summary>
    public string? TxidPrefix { get; set; }

    /// <summary><see cref="PixPaymentOptions.AllowedKeys"/>: payments to any other Pix key are rejected. Empty = any key.</summary>
    public IList<string> AllowedKeys { get; } = new List<string>();

    /// <summary>Every problem (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!Enabled) return errors;
        if (Interval < TimeSpan.FromSeconds(1)) errors.Add("Interval must be at least 1 second.");
        if (LookBack < Interval) errors.Add("LookBack must be at least Interval.");
        return errors;
    }

    internal PixPaymentOptions ToPaymentOptions(TimeSpan claimLease)
    {
        var options = new PixPaymentOptions { TxidPrefix = TxidPrefix, ClaimLease = claimLease };
        foreach (var key in AllowedKeys) options.AllowedKeys.Add(key);
        return options;
    }
}
