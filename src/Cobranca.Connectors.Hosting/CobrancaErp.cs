namespace Cobranca.Connectors.Hosting;

/// <summary>The ERPs <see cref="CobrancaTenantOptions.Erp"/> accepts.</summary>
internal static class CobrancaErp
{
    public const string Ixc = "ixc";

    public const string MkAuth = "mkauth";

    public const string Sgp = "sgp";

    public static readonly IReadOnlyList<string> Supported = [Ixc, Sgp, MkAuth];

    public static string? Normalise(string? value) => value?.Trim().ToLowerInvariant().Replace("-", "", StringComparison.Ordinal) switch
    {
        "ixc" => Ixc,
        "mkauth" => MkAuth,
        "sgp" => Sgp,
        _ => null,
    };
}
