using System.Runtime.CompilerServices;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Testing.MkAuth;

/// <summary>
/// Presents an MK-Auth <see cref="IBillingSystem"/> and <see cref="IAccessController"/> with the customer ids of the data
/// set an <see cref="MkAuthSandbox"/> was seeded from. MK-Auth has no customer apart from logins: the connector's customer
/// id is the <c>uuid_cliente</c> of the person's first login, which is the data set's first contract id there. Tools
/// written against data-set ids (the conformance kit, the CLI demo steps) see the data set's customer ids through this
/// view; only customer ids are translated (both ways), every call and every other value passes through unchanged.
/// </summary>
public sealed class MkAuthDataSetIds : IBillingSystem, IAccessController
{
    private readonly MkAuthSandbox _sandbox;
    private readonly IBillingSystem _billing;
    private readonly IAccessController _access;

    /// <summary>Wraps the connector's interfaces.</summary>
    /// <param name="sandbox">The sandbox seeded from a data set.</param>
    /// <param name="billing">The MK-Auth billing system.</param>
    /// <param name="access">The MK-Auth access controller.</param>
    public MkAuthDataSetIds(MkAuthSandbox sandbox, IBillingSystem billing, IAccessController access)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        ArgumentNullException.ThrowIfNull(billing);
        ArgumentNullException.ThrowIfNull(access);
        _sandbox = sandbox;
        _billing = billing;
        _access = access;
    }

    BillingSystemInfo IBillingSystem.Info => _billing.Info;

    AccessControllerInfo IAccessController.Info => _access.Info;

    private string ToDataSet(string id) => _sandbox.DataSetCustomerIdOf(id) ?? id;

    private string FromDataSet(string id) => _sandbox.CustomerUuidOf(id) ?? id;

    private Invoice Map(Invoice i) => new()
    {
        Id = i.Id, CustomerId = ToDataSet(i.CustomerId), ContractId = i.ContractId, DueDate = i.DueDate, Amount = i.Amount,
        OpenAmount = i.OpenAmount, Status = i.Status, RawStatus = i.RawStatus, Description = i.Description, Raw = i.Raw,
    };

    private Subscriber Map(Subscriber s) => s.CustomerId is { } id ? s with { CustomerId = FromDataSet(id) } : s;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Customer>> FindCustomersAsync(CustomerLookup lookup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        if (lookup.Kind == CustomerLookupKind.Id) lookup = CustomerLookup.ById(FromDataSet(lookup.Value!));
        var found = await _billing.FindCustomersAsync(lookup, cancellationToken).ConfigureAwait(false);
        return found.Select(c => new Customer
        {
            Id = ToDataSet(c.Id), Name = c.Name, Document = c.Document, Phones = c.Phones, Email = c.Email, IsActive = c.IsActive, Raw = c.Raw,
        }).ToList();
    }

    /// <inheritdoc />
    public async Task<DebtStatus> GetDebtStatusAsync(string customerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        var debt = await _billing.GetDebtStatusAsync(FromDataSet(customerId), cancellationToken).ConfigureAwait(false);
        return new DebtStatus
        {
            CustomerId = ToDataSet(debt.CustomerId),
            AsOf = debt.AsOf,
            Overdue = debt.Overdue.Select(Map).ToList(),
            Upcoming = debt.Upcoming.Select(Map).ToList(),
            Contracts = debt.Contracts.Select(c => new Contract
            {
                Id = c.Id, CustomerId = ToDataSet(c.CustomerId), PlanName = c.PlanName, Login = c.Login, Access = c.Access, Raw = c.Raw,
            }).ToList(),
        };
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<Invoice> ListOpenInvoicesAsync(InvoiceQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var inner = query.CustomerId is { } id
            ? new InvoiceQuery { CustomerId = FromDataSet(id), DueFrom = query.DueFrom, DueTo = query.DueTo, OverdueOnly = query.OverdueOnly, PageSize = query.PageSize }
            : query;
        await foreach (var invoice in _billing.ListOpenInvoicesAsync(inner, cancellationToken).ConfigureAwait(false)) yield return Map(invoice);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<Contract> ListContractsAsync(ContractQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var inner = query.CustomerIds is { } ids
            ? new ContractQuery { CustomerIds = ids.Select(id => string.IsNullOrWhiteSpace(id) ? id : FromDataSet(id)).ToList(), PageSize = query.PageSize }
            : query;
        await foreach (var c in _billing.ListContractsAsync(inner, cancellationToken).ConfigureAwait(false))
        {
            yield return new Contract { Id = c.Id, CustomerId = ToDataSet(c.CustomerId), PlanName = c.PlanName, Login = c.Login, Access = c.Access, Raw = c.Raw };
        }
    }

    /// <inheritdoc />
    public Task<PaymentSlip> GetPaymentSlipAsync(string invoiceId, CancellationToken cancellationToken = default) =>
        _billing.GetPaymentSlipAsync(invoiceId, cancellationToken);

    /// <inheritdoc />
    public Task<TrustUnlockResult> RequestTrustUnlockAsync(string contractId, CancellationToken cancellationToken = default) =>
        _billing.RequestTrustUnlockAsync(contractId, cancellationToken);

    /// <inheritdoc />
    public Task<AccessState> GetAccessStateAsync(Subscriber subscriber, CancellationToken cancellationToken = default) =>
        _access.GetAccessStateAsync(Map(subscriber), cancellationToken);

    /// <inheritdoc />
    public Task<AccessChange> BlockAsync(Subscriber subscriber, BlockRequest request, CancellationToken cancellationToken = default) =>
        _access.BlockAsync(Map(subscriber), request, cancellationToken);

    /// <inheritdoc />
    public Task<AccessChange> UnblockAsync(Subscriber subscriber, CancellationToken cancellationToken = default) =>
        _access.UnblockAsync(Map(subscriber), cancellationToken);

    /// <inheritdoc />
    public Task<AccessChange> ThrottleAsync(Subscriber subscriber, Bandwidth limit, CancellationToken cancellationToken = default) =>
        _access.ThrottleAsync(Map(subscriber), limit, cancellationToken);

    /// <inheritdoc />
    public async Task<BatchResult> ApplyAsync(IReadOnlyList<AccessCommand> commands, IProgress<BatchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var mapped = commands.Select(c => c.Kind switch
        {
            AccessCommandKind.Block => AccessCommand.ToBlock(Map(c.Subscriber), c.Block),
            AccessCommandKind.Unblock => AccessCommand.ToUnblock(Map(c.Subscriber)),
            _ => AccessCommand.ToThrottle(Map(c.Subscriber), c.Limit ?? default),
        }).ToList();
        var result = await _access.ApplyAsync(mapped, progress, cancellationToken).ConfigureAwait(false);
        return new BatchResult(result.Items.Select(i => i with { Command = commands[i.Index] }).ToList());
    }
}
