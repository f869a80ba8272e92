namespace Cobranca.Connectors.Hosting;

/// <summary>The ERPs <see cref="CobrancaTenantOptions.Erp"/> accepts.</summary>
internal static class CobrancaErp
{
    public const string Ixc = "ixc";

    public static readonly IReadOnlyList<string> Supported = [Ixc];

    public static string? Normalise(string? value) => value?.Trim().ToLowerInvariant().Replace("-", "", StringComparison.Ordinal) switch
    {
        "ixc" => Ixc,
        _ => null,
    };
}
