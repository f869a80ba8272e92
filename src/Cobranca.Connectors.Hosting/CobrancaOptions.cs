namespace Cobranca.Connectors.Hosting;

/// <summary>
/// The <c>Cobranca</c> section of appsettings.json as <see cref="Microsoft.Extensions.DependencyInjection.CobrancaServiceCollectionExtensions.AddCobranca"/>
/// reads it: the store and the tenants. Each connector's own settings stay in its own section
/// (<c>Cobranca:Ixc:{tenant}</c>, <c>Cobranca:MikroTik:{tenant}</c>, <c>Cobranca:Pix:{tenant}</c>, ...), bound by the
/// connector's <c>Add{X}Client(tenant)</c>.
/// </summary>
public sealed class CobrancaOptions
{
    /// <summary>The configuration section: <c>Cobranca</c>.</summary>
    public const string SectionName = "Cobranca";

    /// <summary>
    /// Where the ledgers live: <c>sqlite</c> (the default: one file, one machine; <c>Cobranca:Storage:Sqlite</c>),
    /// <c>postgres</c> (several workers; <c>Cobranca:Storage:PostgreSql:ConnectionString</c> or
    /// <c>ConnectionStrings:Cobranca</c>) or <c>memory</c> (tests and demos only: forgotten on restart, warned about).
    /// </summary>
    public string Store { get; set; } = "sqlite";

    /// <summary>The tenants (ISPs) this process works for, by name; the name keys every connector registration.</summary>
    public IDictionary<string, CobrancaTenantOptions> Tenants { get; } =
        new Dictionary<string, CobrancaTenantOptions>(StringComparer.Ordinal);

    /// <summary>Every problem with these options (empty when valid), each naming its configuration key.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (CobrancaStoreKind.Parse(Store) is null)
            errors.Add($"Cobranca:Store '{Store}' is not one of sqlite, postgres, memory.");
        if (Tenants.Count == 0)
            errors.Add("Cobranca:Tenants is empty: configure at least one tenant.");
        foreach (var (name, tenant) in Tenants)
        {
            if (string.IsNullOrWhiteSpace(name) || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
                errors.Add($"Cobranca:Tenants:{name}: a tenant name uses letters, digits, '-', '_' and '.' only.");
            if (tenant is null)
                errors.Add($"Cobranca:Tenants:{name} is empty.");
            else
                errors.AddRange(tenant.Validate().Select(e => $"Cobranca:Tenants:{name}:{e}"));
        }
        return errors;
    }
}
