namespace Cobranca.Connectors.MkAuth;

/// <summary>What the client detected about one MK-Auth install (cached per tenant for the client's lifetime).</summary>
/// <param name="Features">Optional routes and fields found.</param>
/// <param name="BoletoPagePath">The boleto page relative to the server root, or null when none answered.</param>
/// <param name="DetectedAt">When the detection ran.</param>
public sealed record MkAuthServerInfo(MkAuthFeatures Features, string? BoletoPagePath, DateTimeOffset DetectedAt)
{
    /// <summary>Whether every flag in <paramref name="features"/> was found.</summary>
    /// <param name="features">The flags.</param>
    public bool Has(MkAuthFeatures features) => (Features & features) == features;

    /// <summary>A short description, e.g. <c>editar, desbloqueio, pix, paging, boleto/boleto.hhvm</c>.</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        if (Has(MkAuthFeatures.ClientEdit)) parts.Add("editar");
        if (Has(MkAuthFeatures.TrustUnlockRoute)) parts.Add("desbloqueio");
        if (Has(MkAuthFeatures.Pix)) parts.Add("pix");
        if (Has(MkAuthFeatures.PixLink)) parts.Add("pix_link");
        if (Has(MkAuthFeatures.PixQrImage)) parts.Add("pix_qr");
        parts.Add(Has(MkAuthFeatures.Paging) ? "paging" : "no paging");
        parts.Add(BoletoPagePath ?? "no boleto page");
        return string.Join(", ", parts);
    }
}
