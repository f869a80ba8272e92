using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Workflows;

/// <summary>
/// One durable store (a database) holding the three ledgers of the family for any number of tenants: what the hosting
/// layer resolves from DI to get each tenant's ledgers. Implementations: <see cref="InMemoryLedgerStore"/>, and
/// <c>SqliteLedgerStore</c> / <c>PostgreSqlLedgerStore</c> in the storage packages.
/// </summary>
public interface ILedgerStore
{
    /// <summary>A short name for logs and health output (<c>memory</c>, <c>sqlite</c>, <c>postgresql</c>).</summary>
    string Kind { get; }

    /// <summary>True when the store survives a restart of the process.</summary>
    bool IsDurable { get; }

    /// <summary>Creates or migrates the schema (idempotent; also done on first use).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>The dunning ledger of <paramref name="tenant"/>.</summary>
    /// <param name="tenant">The tenant (ISP); entries of different tenants never mix.</param>
    IDunningLedger GetDunningLedger(string tenant);

    /// <summary>The payment → unblock ledger of <paramref name="tenant"/>.</summary>
    /// <param name="tenant">The tenant (ISP).</param>
    IUnblockLedger GetUnblockLedger(string tenant);

    /// <summary>The processed-payment dedupe ledger of <paramref name="tenant"/> (e.g. for a Pix webhook handler).</summary>
    /// <param name="tenant">The tenant (ISP).</param>
    IProcessedPaymentLedger GetProcessedPaymentLedger(string tenant);

    /// <summary>The state collection <paramref name="collection"/> of <paramref name="tenant"/> (created on first use):
    /// small versioned documents for features that keep durable state of their own (conversations, service windows,
    /// enrolments, references). The built-in stores implement it; a store written before this member existed throws
    /// <see cref="NotSupportedException"/>.</summary>
    /// <param name="tenant">The tenant (ISP); collections of different tenants never mix.</param>
    /// <param name="collection">The collection's name (lower-case and dotted by convention, e.g. <c>whatsapp.window</c>).</param>
    /// <exception cref="NotSupportedException">The store has no state collections.</exception>
    IStateStore GetStateStore(string tenant, string collection) =>
        throw new NotSupportedException($"The {Kind} ledger store has no state collections.");
}
