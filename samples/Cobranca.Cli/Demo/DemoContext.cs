using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing;

namespace Cobranca.Cli.Demo;

/// <summary>State shared by the demo steps.</summary>
/// <param name="data">The generated ISP the backend was seeded with.</param>
/// <param name="session">The connectors.</param>
/// <param name="today">The São Paulo date.</param>
/// <param name="json">True for <c>--json</c>: steps render nothing and only fill <see cref="Report"/>.</param>
public sealed class DemoContext(IspDataSet data, DemoSession session, DateOnly today, bool json)
{
    /// <summary>The generated ISP.</summary>
    public IspDataSet Data { get; } = data;

    /// <summary>The connectors.</summary>
    public DemoSession Session { get; } = session;

    /// <summary>The São Paulo date.</summary>
    public DateOnly Today { get; } = today;

    /// <summary>JSON mode.</summary>
    public bool Json { get; } = json;

    /// <summary>The machine-readable report, one entry per step, written at the end in JSON mode.</summary>
    public Dictionary<string, object?> Report { get; } = [];

    /// <summary>The customer the demo follows, as the backend returned it (set by the find step).</summary>
    public Customer? Customer { get; set; }

    /// <summary>The customer's debt (set by the debt step).</summary>
    public DebtStatus? Debt { get; set; }

    /// <summary>The demo's movable clock (the dunning step replays past days with it).</summary>
    public DemoClock? Clock { get; init; }

    /// <summary>The customer the dunning run suspended, whom the payment step brings back (set by the dunning step).</summary>
    public string? SuspendedCustomerId { get; set; }

    /// <summary>Where the dunning and payment → unblock ledgers are kept (<c>--store</c>): memory by default.</summary>
    public Cobranca.Connectors.Workflows.ILedgerStore Store { get; init; } = new Cobranca.Connectors.Workflows.InMemoryLedgerStore();

    /// <summary>The tenant name the demo's ledgers are kept under.</summary>
    public const string Tenant = "demo";
}
