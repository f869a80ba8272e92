namespace Cobranca.Connectors.Hosting;

/// <summary>One tenant (ISP) under <c>Cobranca:Tenants:{name}</c>: which systems it uses and what runs for it.</summary>
public sealed class CobrancaTenantOptions
{
    /// <summary>
    /// The ERP (required): <c>ixc</c> (settings in <c>Cobranca:Ixc:{tenant}</c>), <c>sgp</c> (<c>Cobranca:Sgp:{tenant}</c>)
    /// or <c>mkauth</c> (<c>Cobranca:MkAuth:{tenant}</c>). The ERP is the billing system and, with <see cref="UseErpAccessControl"/>, the
    /// first access controller.
    /// </summary>
    public string? Erp { get; set; }

    /// <summary>Block/unblock in the ERP too (its contract state). Default true.</summary>
    public bool UseErpAccessControl { get; set; } = true;

    /// <summary>A MikroTik router is an access controller after the ERP (settings in <c>Cobranca:MikroTik:{tenant}</c>).</summary>
    public bool MikroTik { get; set; }

    /// <summary>A Pix PSP account is reconciled for payments (settings in <c>Cobranca:Pix:{tenant}</c>).</summary>
    public bool Pix { get; set; }

    /// <summary>IANA time zone of the tenant's "today" and of <see cref="CobrancaDunningOptions.RunAt"/>. Default <c>America/Sao_Paulo</c>.</summary>
    public string TimeZone { get; set; } = "America/Sao_Paulo";

    /// <summary>The daily dunning run.</summary>
    public CobrancaDunningOptions Dunning { get; } = new();

    /// <summary>Payment → unblock and its pending-unblock retry loop.</summary>
    public CobrancaUnblockOptions Unblock { get; } = new();

    /// <summary>The Pix reconciliation poller (when <see cref="Pix"/> is true).</summary>
    public CobrancaPixReconciliationOptions PixReconciliation { get; } = new();

    /// <summary>Every problem (empty when valid), each prefixed with its key relative to the tenant.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Erp))
            errors.Add($"Erp is required (one of {string.Join(", ", CobrancaErp.Supported)}).");
        else if (CobrancaErp.Normalise(Erp) is null)
            errors.Add($"Erp '{Erp}' is not one of {string.Join(", ", CobrancaErp.Supported)}.");
        if (TryFindTimeZone(TimeZone) is null)
            errors.Add($"TimeZone '{TimeZone}' is not a known IANA time zone.");
        errors.AddRange(Dunning.Validate().Select(e => "Dunning:" + e));
        errors.AddRange(Unblock.Validate().Select(e => "Unblock:" + e));
        if (Pix) errors.AddRange(PixReconciliation.Validate().Select(e => "PixReconciliation:" + e));
        return errors;
    }

    internal static TimeZoneInfo? TryFindTimeZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return null;
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
    }
}
