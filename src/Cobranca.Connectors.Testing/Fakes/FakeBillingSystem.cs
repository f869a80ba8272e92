using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Testing;

/// <summary>
/// An in-memory <see cref="IBillingSystem"/> (an ERP) with real state: customers, contracts and invoices you add or
/// seed from an <see cref="IspDataSet"/>, payments you record with <see cref="RecordPayment"/>, and trust unlocks
/// that follow the usual ERP rule (once, then not again until the overdue invoices are paid). Thread-safe.
/// </summary>
/// <remarks>
/// <para>The contracts' access state lives in <see cref="AccessController"/>, a <see cref="FakeAccessController"/>
/// that knows every contract by id, login and IP: blocking through it shows up in <see cref="GetDebtStatusAsync"/>,
/// exactly as with an ERP that implements both interfaces.</para>
/// <para>"Today" is the America/Sao_Paulo date of the injected <see cref="TimeProvider"/>.</para>
/// <para>Fault injection: <see cref="IsDown"/> and <see cref="FailNext"/> (each page of
/// <see cref="ListOpenInvoicesAsync"/> and <see cref="ListContractsAsync"/> counts as one call). <see cref="CallCounts"/>
/// counts the calls per operation, so tests can check that a workflow's ERP traffic stays bounded.</para>
/// <para>Indexed by customer, document, phone and login: every per-customer call costs that customer's rows, not the
/// whole base (100k invoices answer as fast as 10).</para>
/// </remarks>
public sealed class FakeBillingSystem : IBillingSystem
{
    /// <summary>The provider name used in <see cref="Info"/> and in the exceptions this fake raises.</summary>
    public const string ProviderName = "fake";

    private const BillingCapabilities Capabilities =
        BillingCapabilities.FindByDocument | BillingCapabilities.FindByPhone | BillingCapabilities.FindById |
        BillingCapabilities.FindByLogin | BillingCapabilities.DebtStatus | BillingCapabilities.ListOpenInvoices |
        BillingCapabilities.BoletoLine | BillingCapabilities.PixCopyPaste | BillingCapabilities.TrustUnlock |
        BillingCapabilities.ListContracts;

    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, Customer> _customers = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, Contract> _contracts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Invoice> _invoices = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, Invoice>> _invoicesByCustomer = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedDictionary<string, Contract>> _contractsByCustomer = new(StringComparer.Ordinal);
    private readonly Dictionary<Document, SortedSet<string>> _customersByDocument = [];
    private readonly Dictionary<PhoneNumber, SortedSet<string>> _customersByPhone = [];
    private readonly Dictionary<string, SortedSet<string>> _contractsByLogin = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, long> _calls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _trustUnlocks = new(StringComparer.Ordinal);
    private readonly HashSet<string> _trustUnlockPending = new(StringComparer.Ordinal);
    private readonly FaultInjector _faults = new();
    private readonly TimeProvider _time;

    /// <summary>Creates an empty billing system.</summary>
    /// <param name="timeProvider">Clock for "today" and trust-unlock expiry; <see cref="TimeProvider.System"/> by default.</param>
    /// <param name="accessController">
    /// Where contract access state lives; by default a new <see cref="FakeAccessController"/> on the same clock that
    /// only knows this system's contracts (<see cref="FakeAccessController.RequireRegistration"/>).
    /// </param>
    public FakeBillingSystem(TimeProvider? timeProvider = null, FakeAccessController? accessController = null)
    {
        _time = timeProvider ?? TimeProvider.System;
        AccessController = accessController ?? new FakeAccessController(_time) { RequireRegistration = true };
    }

    /// <summary>Creates a billing system seeded with a generated ISP.</summary>
    /// <param name="data">The data set.</param>
    /// <param name="timeProvider">Clock; use one whose São Paulo date is <see cref="IspDataSet.Today"/> to see the data as generated.</param>
    public FakeBillingSystem(IspDataSet data, TimeProvider? timeProvider = null)
        : this(timeProvider)
    {
        ArgumentNullException.ThrowIfNull(data);
        var connections = data.Connections.ToDictionary(c => c.ContractId, StringComparer.Ordinal);
        foreach (var customer in data.Customers) AddCustomer(customer);
        foreach (var contract in data.Contracts)
        {
            AddContract(contract);
            if (connections.TryGetValue(contract.Id, out var connection))
            {
                // Let the router-side identifiers (IP, MAC) reach the same state as the contract id and login.
                AccessController.Register(contract.ToSubscriber() with
                {
                    IpAddress = connection.IpAddress,
                    MacAddress = connection.MacAddress,
                }, contract.Access);
            }
        }
        foreach (var invoice in data.Invoices) AddInvoice(invoice);
    }

    /// <inheritdoc />
    public BillingSystemInfo Info { get; } = new(ProviderName, Capabilities);

    /// <summary>The access side of this ERP: contract states (block, unblock, throttle, trust unlock).</summary>
    public FakeAccessController AccessController { get; }

    /// <summary>The ISP's Pix key the payment slips' copia-e-cola pays into (a random EVP key by default).</summary>
    public string PixKey { get; set; } = "7d9f0335-8dcc-4054-9bf9-0dbd61d36906";

    /// <summary>The merchant name in the copia-e-cola (up to 25 ASCII characters are used).</summary>
    public string MerchantName { get; set; } = "PROVEDOR EXEMPLO LTDA";

    /// <summary>The merchant city in the copia-e-cola (up to 15 ASCII characters are used).</summary>
    public string MerchantCity { get; set; } = "ARACAJU";

    /// <summary>How long a trust unlock lasts. Default 3 days.</summary>
    public TimeSpan TrustUnlockDuration { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How many trust unlocks a contract may ever get; null (default) means no limit besides the "pay first" rule.</summary>
    public int? MaxTrustUnlocksPerContract { get; set; }

    /// <summary>
    /// Simulated round trip added to every call (each page of <see cref="ListOpenInvoicesAsync"/> too), waited on the
    /// system's <see cref="TimeProvider"/>: with a fake clock, advance it to let calls complete. Zero by default.
    /// </summary>
    public TimeSpan Latency
    {
        get => _faults.Latency;
        set => _faults.Latency = value;
    }

    /// <summary>Simulates an unreachable ERP: every call throws <see cref="ConnectorTransportException"/>.</summary>
    public bool IsDown
    {
        get => _faults.IsDown;
        set => _faults.IsDown = value;
    }

    /// <summary>Makes the next <paramref name="times"/> calls throw <paramref name="exception"/>.</summary>
    /// <param name="exception">What to throw.</param>
    /// <param name="times">How many calls fail.</param>
    public void FailNext(Exception exception, int times = 1) => _faults.FailNext(exception, times);

    /// <summary>Clears queued faults and the down switch.</summary>
    public void ResetFaults() => _faults.Reset();

    /// <summary>
    /// How many calls each operation has received (a snapshot): <c>customer.find</c>, <c>debt.status</c>,
    /// <c>invoice.list</c> and <c>contract.list</c> (one per page), <c>invoice.slip</c>, <c>contract.trust-unlock</c>.
    /// </summary>
    public IReadOnlyDictionary<string, long> CallCounts => new Dictionary<string, long>(_calls, StringComparer.Ordinal);

    /// <summary>Every call so far, all operations together.</summary>
    public long TotalCalls => _calls.Values.Sum();

    /// <summary>Forgets the call counts.</summary>
    public void ResetCallCounts() => _calls.Clear();

    private ValueTask EnterAsync(string operation, CancellationToken cancellationToken)
    {
        _calls.AddOrUpdate(operation, 1, static (_, n) => n + 1);
        return _faults.EnterAsync(ProviderName, operation, _time, cancellationToken);
    }

    /// <summary>Adds or replaces a customer.</summary>
    /// <param name="customer">The customer.</param>
    public void AddCustomer(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        lock (_gate)
        {
            if (_customers.TryGetValue(customer.Id, out var previous))
            {
                if (previous.Document is { } oldDocument) Unindex(_customersByDocument, oldDocument, previous.Id);
                foreach (var phone in previous.Phones) Unindex(_customersByPhone, phone, previous.Id);
            }
            _customers[customer.Id] = customer;
            if (customer.Document is { } document) Index(_customersByDocument, document, customer.Id);
            foreach (var phone in customer.Phones) Index(_customersByPhone, phone, customer.Id);
        }
    }

    private static void Index<TKey>(Dictionary<TKey, SortedSet<string>> index, TKey key, string id) where TKey : notnull
    {
        if (!index.TryGetValue(key, out var ids)) index[key] = ids = new SortedSet<string>(StringComparer.Ordinal);
        ids.Add(id);
    }

    private static void Unindex<TKey>(Dictionary<TKey, SortedSet<string>> index, TKey key, string id) where TKey : notnull
    {
        if (index.TryGetValue(key, out var ids) && ids.Remove(id) && ids.Count == 0) index.Remove(key);
    }

    /// <summary>Adds or replaces a contract and registers it, with its <see cref="Contract.Access"/>, in <see cref="AccessController"/>.</summary>
    /// <param name="contract">The contract; its customer must exist.</param>
    /// <exception cref="InvalidOperationException">The customer is unknown.</exception>
    public void AddContract(Contract contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        lock (_gate)
        {
            if (!_customers.ContainsKey(contract.CustomerId))
                throw new InvalidOperationException($"Customer {contract.CustomerId} must be added before its contract {contract.Id}.");
            if (_contracts.TryGetValue(contract.Id, out var previous))
            {
                _contractsByCustomer[previous.CustomerId].Remove(previous.Id);
                if (previous.Login is { } oldLogin) Unindex(_contractsByLogin, oldLogin, previous.Id);
            }
            _contracts[contract.Id] = contract;
            if (!_contractsByCustomer.TryGetValue(contract.CustomerId, out var mine))
                _contractsByCustomer[contract.CustomerId] = mine = new SortedDictionary<string, Contract>(StringComparer.Ordinal);
            mine[contract.Id] = contract;
            if (contract.Login is { } login) Index(_contractsByLogin, login, contract.Id);
        }
        AccessController.Register(contract.ToSubscriber(), contract.Access);
    }

    /// <summary>Adds or replaces an invoice.</summary>
    /// <param name="invoice">The invoice; its customer (and contract, when set) must exist.</param>
    /// <exception cref="InvalidOperationException">The customer or contract is unknown.</exception>
    public void AddInvoice(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        lock (_gate)
        {
            if (!_customers.ContainsKey(invoice.CustomerId))
                throw new InvalidOperationException($"Customer {invoice.CustomerId} must be added before invoice {invoice.Id}.");
            if (invoice.ContractId is not null && !_contracts.ContainsKey(invoice.ContractId))
                throw new InvalidOperationException($"Contract {invoice.ContractId} must be added before invoice {invoice.Id}.");
            if (_invoices.TryGetValue(invoice.Id, out var previous)) _invoicesByCustomer[previous.CustomerId].Remove(previous.Id);
            _invoices[invoice.Id] = invoice;
            if (!_invoicesByCustomer.TryGetValue(invoice.CustomerId, out var mine))
                _invoicesByCustomer[invoice.CustomerId] = mine = new Dictionary<string, Invoice>(StringComparer.Ordinal);
            mine[invoice.Id] = invoice;
        }
    }

    /// <summary>The invoice as it is now, or null.</summary>
    /// <param name="invoiceId">The invoice id.</param>
    public Invoice? GetInvoice(string invoiceId)
    {
        ArgumentNullException.ThrowIfNull(invoiceId);
        lock (_gate) return _invoices.GetValueOrDefault(invoiceId);
    }

    /// <summary>
    /// Records a payment (a bank liquidation): the invoice becomes paid, or partially paid with the rest still open.
    /// When the customer has nothing overdue left, trust unlock becomes available again for their contracts.
    /// Access is not restored here: restoring it is the caller's job (as with ERPs whose automatic unblock is off).
    /// </summary>
    /// <param name="invoiceId">The invoice.</param>
    /// <param name="amount">Amount paid (BRL, positive). Paying more than is open settles the invoice.</param>
    /// <param name="paidAt">When it was paid.</param>
    /// <returns>The updated invoice.</returns>
    /// <exception cref="KeyNotFoundException">Unknown invoice.</exception>
    /// <exception cref="InvalidOperationException">The invoice is already paid or cancelled.</exception>
    public Invoice RecordPayment(string invoiceId, decimal amount, DateTimeOffset paidAt)
    {
        ArgumentNullException.ThrowIfNull(invoiceId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        var today = BrazilTime.Today(_time);
        lock (_gate)
        {
            if (!_invoices.TryGetValue(invoiceId, out var invoice)) throw new KeyNotFoundException($"Invoice {invoiceId} does not exist.");
            if (invoice.Status is not (InvoiceStatus.Open or InvoiceStatus.PartiallyPaid) || invoice.OpenAmount <= 0)
                throw new InvalidOperationException($"Invoice {invoiceId} is {invoice.Status} and cannot receive a payment.");

            var open = Math.Max(0m, invoice.OpenAmount - amount);
            var raw = new Dictionary<string, string?>(invoice.Raw, StringComparer.Ordinal)
            {
                [IspDataKeys.PaidOn] = paidAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                [IspDataKeys.PaidAmount] = Money.ToInvariantString(invoice.Amount - open),
            };
            var updated = new Invoice
            {
                Id = invoice.Id,
                CustomerId = invoice.CustomerId,
                ContractId = invoice.ContractId,
                DueDate = invoice.DueDate,
                Amount = invoice.Amount,
                OpenAmount = open,
                Status = open == 0 ? InvoiceStatus.Paid : InvoiceStatus.PartiallyPaid,
                RawStatus = invoice.RawStatus,
                Description = invoice.Description,
                Raw = raw.AsReadOnly(),
            };
            _invoices[invoiceId] = updated;
            var mine = _invoicesByCustomer[updated.CustomerId];
            mine[invoiceId] = updated;

            if (!mine.Values.Any(i => i.IsOverdueOn(today)))
            {
                foreach (var contractId in ContractsOf(updated.CustomerId).Keys) _trustUnlockPending.Remove(contractId);
            }
            return updated;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Customer>> FindCustomersAsync(CustomerLookup lookup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        await EnterAsync("customer.find", cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            IReadOnlyList<Customer> found = lookup.Kind switch
            {
                CustomerLookupKind.Document => Customers(_customersByDocument.GetValueOrDefault(lookup.Document!.Value)),
                CustomerLookupKind.Phone => Customers(_customersByPhone.GetValueOrDefault(lookup.Phone!.Value)),
                CustomerLookupKind.Id => _customers.TryGetValue(lookup.Value!, out var byId) ? [byId] : [],
                CustomerLookupKind.Login => (_contractsByLogin.GetValueOrDefault(lookup.Value!) ?? [])
                    .Select(id => _contracts[id].CustomerId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                    .Select(id => _customers[id]).ToList(),
                _ => throw new NotSupportedException($"Lookup by {lookup.Kind} is not supported."),
            };
            return found;
        }

        List<Customer> Customers(SortedSet<string>? ids) => ids is null ? [] : ids.Select(id => _customers[id]).ToList();
    }

    /// <inheritdoc />
    public async Task<DebtStatus> GetDebtStatusAsync(string customerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        await EnterAsync("debt.status", cancellationToken).ConfigureAwait(false);
        var today = BrazilTime.Today(_time);
        List<Invoice> invoices;
        List<Contract> contracts;
        lock (_gate)
        {
            if (!_customers.ContainsKey(customerId))
                throw new ConnectorNotFoundException(ProviderName, "debt.status", $"Customer {customerId} does not exist.");
            invoices = _invoicesByCustomer.TryGetValue(customerId, out var mine) ? [.. mine.Values] : [];
            contracts = [.. ContractsOf(customerId).Values];
        }

        var withAccess = contracts.Select(WithCurrentAccess).ToList();
        return DebtStatus.FromInvoices(customerId, today, invoices, withAccess);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<Invoice> ListOpenInvoicesAsync(InvoiceQuery query,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.PageSize);
        var today = BrazilTime.Today(_time);
        List<Invoice> matching;
        lock (_gate)
        {
            IEnumerable<Invoice> candidates = query.CustomerId is { } only
                ? (_invoicesByCustomer.TryGetValue(only, out var mine) ? mine.Values : [])
                : _invoices.Values;
            matching = candidates
                .Where(i => i.Status is InvoiceStatus.Open or InvoiceStatus.PartiallyPaid && i.OpenAmount > 0)
                .Where(i => query.CustomerId is null || i.CustomerId == query.CustomerId)
                .Where(i => query.DueFrom is not { } from || i.DueDate >= from)
                .Where(i => query.DueTo is not { } to || i.DueDate <= to)
                .Where(i => !query.OverdueOnly || i.DueDate < today)
                .OrderBy(i => i.DueDate).ThenBy(i => i.Id.Length).ThenBy(i => i.Id, StringComparer.Ordinal)
                .ToList();
        }

        for (var offset = 0; offset < matching.Count || offset == 0; offset += query.PageSize)
        {
            await EnterAsync("invoice.list", cancellationToken).ConfigureAwait(false);
            await Task.Yield();
            for (var i = offset; i < Math.Min(matching.Count, offset + query.PageSize); i++) yield return matching[i];
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Pages of <see cref="ContractQuery.PageSize"/> customers (or contracts, for the whole base), each one call; unknown
    /// customer ids have no contracts. Access states are read when each page is served.
    /// </remarks>
    public async IAsyncEnumerable<Contract> ListContractsAsync(ContractQuery query,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        if (query.CustomerIds is { } ids)
        {
            var batches = ids.Distinct(StringComparer.Ordinal).Chunk(query.PageSize).ToList();
            foreach (var batch in batches)
            {
                await EnterAsync("contract.list", cancellationToken).ConfigureAwait(false);
                List<Contract> page;
                lock (_gate) page = batch.SelectMany(id => ContractsOf(id).Values).ToList();
                foreach (var contract in page) yield return WithCurrentAccess(contract);
            }
            yield break;
        }

        List<Contract> all;
        lock (_gate) all = [.. _contracts.Values];
        for (var offset = 0; offset < all.Count || offset == 0; offset += query.PageSize)
        {
            await EnterAsync("contract.list", cancellationToken).ConfigureAwait(false);
            for (var i = offset; i < Math.Min(all.Count, offset + query.PageSize); i++) yield return WithCurrentAccess(all[i]);
        }
    }

    private SortedDictionary<string, Contract> ContractsOf(string customerId) =>
        _contractsByCustomer.TryGetValue(customerId, out var mine) ? mine : Empty;

    private static readonly SortedDictionary<string, Contract> Empty = new(StringComparer.Ordinal);

    /// <inheritdoc />
    /// <remarks>
    /// The fake issues Banco do Brasil-style boletos with real check digits and a static Pix copia-e-cola (valid CRC)
    /// for the open amount, with a txid derived from the invoice id (<c>COBRANCA</c> + id, at most 25 characters as static codes require); no PDF.
    /// </remarks>
    public async Task<PaymentSlip> GetPaymentSlipAsync(string invoiceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(invoiceId);
        await EnterAsync("invoice.slip", cancellationToken).ConfigureAwait(false);
        Invoice invoice;
        lock (_gate)
        {
            invoice = _invoices.GetValueOrDefault(invoiceId)
                ?? throw new ConnectorNotFoundException(ProviderName, "invoice.slip", $"Invoice {invoiceId} does not exist.");
        }
        if (invoice.Status is not (InvoiceStatus.Open or InvoiceStatus.PartiallyPaid) || invoice.OpenAmount <= 0)
            throw new ConnectorValidationException(ProviderName, "invoice.slip", $"Invoice {invoiceId} is {invoice.Status}: there is nothing to pay.");

        var hasCodes = BoletoCodes.TryBuild(invoice.Id, invoice.DueDate, invoice.OpenAmount, out var barcode, out var line);
        return new PaymentSlip
        {
            InvoiceId = invoice.Id,
            Amount = invoice.OpenAmount,
            DueDate = invoice.DueDate,
            Barcode = hasCodes ? barcode : null,
            DigitableLine = hasCodes ? line : null,
            PixCopyPaste = PixCodes.Build(PixKey, invoice.OpenAmount, MerchantName, MerchantCity, TxidFor(invoice.Id)),
        };
    }

    /// <inheritdoc />
    /// <remarks>
    /// Rules: an inactive contract is <see cref="TrustUnlockOutcome.NotEligible"/>; one with full access is
    /// <see cref="TrustUnlockOutcome.AlreadyActive"/>; a contract already released on trust whose customer has not
    /// paid the overdue invoices since is <see cref="TrustUnlockOutcome.NotEligible"/>; past
    /// <see cref="MaxTrustUnlocksPerContract"/> it is <see cref="TrustUnlockOutcome.LimitReached"/>; otherwise it is
    /// <see cref="TrustUnlockOutcome.Granted"/> for <see cref="TrustUnlockDuration"/>, after which the previous state returns.
    /// </remarks>
    public async Task<TrustUnlockResult> RequestTrustUnlockAsync(string contractId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contractId);
        await EnterAsync("contract.trust-unlock", cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            var contract = _contracts.GetValueOrDefault(contractId)
                ?? throw new ConnectorNotFoundException(ProviderName, "contract.trust-unlock", $"Contract {contractId} does not exist.");
            var subscriber = contract.ToSubscriber();
            var state = AccessController.Peek(subscriber);
            if (state.Status == AccessStatus.Inactive)
                return TrustUnlockResult.NotEligible("The contract is inactive.");
            if (state.Status.HasFullAccess) return TrustUnlockResult.AlreadyActive();
            if (_trustUnlockPending.Contains(contractId))
            {
                return TrustUnlockResult.NotEligible(
                    "Trust unlock was already used and the overdue invoices have not been paid since; it is available again once they are.");
            }
            var used = _trustUnlocks.GetValueOrDefault(contractId);
            if (MaxTrustUnlocksPerContract is { } max && used >= max)
                return TrustUnlockResult.LimitReached($"The contract already used its {max} trust unlock(s).");

            var until = _time.GetUtcNow() + TrustUnlockDuration;
            AccessController.GrantTrustUnlock(subscriber, until);
            _trustUnlocks[contractId] = used + 1;
            _trustUnlockPending.Add(contractId);
            return TrustUnlockResult.Granted(until);
        }
    }

    /// <summary>A deterministic txid for an invoice: letters and digits only, at most 25 characters (the limit for static codes).</summary>
    private static string TxidFor(string invoiceId)
    {
        var id = new string(invoiceId.Where(char.IsAsciiLetterOrDigit).ToArray());
        var txid = "COBRANCA" + id.PadLeft(12, '0');
        return txid.Length <= 25 ? txid : txid[..25];
    }

    private Contract WithCurrentAccess(Contract contract) => new()
    {
        Id = contract.Id,
        CustomerId = contract.CustomerId,
        PlanName = contract.PlanName,
        Login = contract.Login,
        Access = AccessController.Peek(contract.ToSubscriber()),
        Raw = contract.Raw,
    };
}
