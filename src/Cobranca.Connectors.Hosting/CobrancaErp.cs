namespace Cobranca.Connectors.Hosting;

/// <summary>The ERPs <see cref="CobrancaTenantOptions.Erp"/> accepts.</summary>
internal static class CobrancaErp
{
    public const string Ixc = "ixc";

    public const string MkAuth = "mkauth";

    public static readonly IReadOnlyList<string> Supported = [Ixc, MkAuth];

    public static string? Normalise(string? value) => value?.Trim().ToLowerInvariant().Replace("-", "", StringComparison.Ordinal) switch
    {
        "ixc" => Ixc,
        "mkauth" => MkAuth,
        _ => null,
    };
}
