using System.Globalization;
using Cobranca.Connectors.Abstractions;


namespace Cobranca.Connectors.Testing.Conformance;

/// <summary>The <see cref="IBillingSystem"/> checks.</summary>
internal static class BillingChecks
{
    private const int SmallPage = 7;

    public static IReadOnlyList<ConformanceEntry> All { get; } =
    [
        Entry("billing.info", "Info names the system and declares only known capability flags.", InfoAsync),
        Entry("billing.find.document", "A CPF/CNPJ, masked or not, stored masked or not, finds exactly its customer.", FindByDocumentAsync),
        Entry("billing.find.document-unknown", "A valid CPF no customer has finds no one (an empty list, not an error, never a wrong customer).", FindUnknownDocumentAsync),
        Entry("billing.find.phone", "A phone finds every customer that has it and no one else (0, 1 or 2 candidates).", FindByPhoneAsync),
        Entry("billing.find.id-and-login", "An id or a PPPoE login finds exactly its customer; an unknown id finds no one.", FindByIdAndLoginAsync),
        Entry("billing.debt.overdue-vs-upcoming", "Overdue = open and due before today in São Paulo; upcoming = due today or later; totals and days overdue.", DebtSplitAsync),
        Entry("billing.debt.paid-and-cancelled-excluded", "Paid and cancelled invoices are never debt; a customer who owes nothing has an empty debt.", DebtExcludesSettledAsync),
        Entry("billing.debt.contracts", "The debt status lists the customer's contracts with their access state (one active, one blocked).", DebtContractsAsync),
        Entry("billing.debt.unknown-customer", "The debt of an unknown customer is ConnectorNotFoundException.", DebtUnknownCustomerAsync),
        Entry("billing.list.complete", "ListOpenInvoicesAsync yields every open invoice of the base exactly once across small pages.", ListCompleteAsync),
        Entry("billing.list.filters", "ListOpenInvoicesAsync honours CustomerId and OverdueOnly (São Paulo date).", ListFiltersAsync),
        Entry("billing.list.cancellable", "ListOpenInvoicesAsync stops with OperationCanceledException when the caller cancels, before or during the listing.", ListCancellableAsync),
        Entry("billing.list.contracts", "ListContractsAsync (BillingCapabilities.ListContracts) yields exactly the asked customers' contracts, each once, across small batches, as GetDebtStatusAsync reports them; the whole base when no ids are given; unknown ids yield nothing.", ListContractsAsync),
        Entry("billing.slip", "A second copy carries what the capabilities promise (linha digitável, Pix copia-e-cola, PDF); an unknown invoice is an error.", SlipAsync),
        Entry("billing.trust-unlock", "Trust unlock: a blocked contract is Granted once; an active, repeated or cancelled one is never Granted; unknown is not found.", TrustUnlockAsync),
        Entry("billing.cancellation", "A cancelled token makes every operation throw OperationCanceledException and apply nothing.", CancellationAsync),
        Entry("billing.errors-redacted", "No exception message contains a CPF/CNPJ, phone, token or password.", ErrorsRedactedAsync),
    ];

    private static ConformanceEntry Entry(string name, string description, Func<ConformanceContext, Task> run) =>
        new(new ConformanceCheck(name, ConformanceContract.Billing, description), run);

    private static Task InfoAsync(ConformanceContext c)
    {
        var info = c.Billing.Info;
        c.True(info is not null, "Info is null.");
        c.True(!string.IsNullOrWhiteSpace(info!.Name), "Info.Name is blank.");
        var known = Enum.GetValues<BillingCapabilities>().Aggregate(BillingCapabilities.None, (all, f) => all | f);
        c.True((info.Capabilities & ~known) == 0, $"Info.Capabilities has undefined flags: {info.Capabilities}.");
        c.Log($"{info.Name}: {info.Capabilities}");
        return Task.CompletedTask;
    }

    private static Task<IReadOnlyList<Customer>> Find(ConformanceContext c, CustomerLookup lookup, CancellationToken ct) =>
        c.Billing.FindCustomersAsync(lookup, ct);

    private static async Task ExpectFound(ConformanceContext c, CustomerLookup lookup, string what, params string[] expectedIds)
    {
        var found = await c.Call($"FindCustomersAsync({what})", ct => Find(c, lookup, ct)).ConfigureAwait(false);
        c.True(found is not null, $"FindCustomersAsync({what}) returned null.");
        c.SameIds(expectedIds, found!.Select(x => x.Id), $"FindCustomersAsync({what})");
        foreach (var customer in found!)
        {
            c.True(!string.IsNullOrWhiteSpace(customer.Name), $"FindCustomersAsync({what}): customer {customer.Id} has no name.");
            var seeded = c.Scenario.Data.Customers.First(x => x.Id == customer.Id);
            if (seeded.Document is { } document)
                c.True(customer.Document is null || customer.Document == document, $"FindCustomersAsync({what}): customer {customer.Id} has another customer's document.");
        }
    }

    private static async Task FindByDocumentAsync(ConformanceContext c)
    {
        var s = c.Scenario;
        if (!c.Billing.Info.Supports(BillingCapabilities.FindByDocument))
        {
            await c.Unsupported(nameof(BillingCapabilities.FindByDocument), "FindCustomersAsync(by document)", ct => Find(c, CustomerLookup.ByDocument(s.DebtorDocument), ct)).ConfigureAwait(false);
            return;
        }
        await ExpectFound(c, CustomerLookup.ByDocument(s.DebtorDocument.Formatted), "masked CPF, stored masked", s.DebtorCustomerId).ConfigureAwait(false);
        await ExpectFound(c, CustomerLookup.ByDocument(s.DebtorDocument.Value), "bare CPF, stored masked", s.DebtorCustomerId).ConfigureAwait(false);
        await ExpectFound(c, CustomerLookup.ByDocument(s.UnmaskedStoredDocument.Formatted), "masked CPF, stored as digits", s.SharedPhoneCustomerIds[0]).ConfigureAwait(false);
        await ExpectFound(c, CustomerLookup.ByDocument(s.UnmaskedStoredDocument.Value), "bare CPF, stored as digits", s.SharedPhoneCustomerIds[0]).ConfigureAwait(false);
        await ExpectFound(c, CustomerLookup.ByDocument(s.NoDebtDocument.Formatted), "masked CNPJ", s.NoDebtCustomerId).ConfigureAwait(false);
        await ExpectFound(c, CustomerLookup.ByDocument(s.NoDebtDocument.Value), "bare CNPJ", s.NoDebtCustomerId).ConfigureAwait(false);
    }

    private static async Task FindUnknownDocumentAsync(ConformanceContext c)
    {
        if (!c.Billing.Info.Supports(BillingCapabilities.FindByDocument))
        {
            await c.Unsupported(nameof(BillingCapabilities.FindByDocument), "FindCustomersAsync(by document)", ct => Find(c, CustomerLookup.ByDocument(c.Scenario.UnknownDocument), ct)).ConfigureAwait(false);
            return;
        }
        await ExpectFound(c, CustomerLookup.ByDocument(c.Scenario.UnknownDocument), "a CPF no customer has").ConfigureAwait(false);
    }

    private static async Task FindByPhoneAsync(ConformanceContext c)
    {
        var s = c.Scenario;
        if (!c.Billing.Info.Supports(BillingCapabilities.FindByPhone))
        {
            await c.Unsupported(nameof(BillingCapabilities.FindByPhone), "FindCustomersAsync(by phone)", ct => Find(c, CustomerLookup.ByPhone(s.PhoneOnlyPhone), ct)).ConfigureAwait(false);
            return;
        }
        await ExpectFound(c, CustomerLookup.ByPhone(s.PhoneOnlyPhone), "phone of a customer with no document", s.PhoneOnlyCustomerId).ConfigureAwait(false);
        await ExpectFound(c, CustomerLookup.ByPhone(s.DebtorPhone), "the debtor's mobile", s.DebtorCustomerId).ConfigureAwait(false);
        await ExpectFound(c, CustomerLookup.ByPhone(s.SharedPhone), "a landline two customers share", [.. s.SharedPhoneCustomerIds]).ConfigureAwait(false);
        await ExpectFound(c, CustomerLookup.ByPhone(s.UnknownPhone), "a phone no customer has").ConfigureAwait(false);
    }

    private static async Task FindByIdAndLoginAsync(ConformanceContext c)
    {
        var s = c.Scenario;
        if (c.Billing.Info.Supports(BillingCapabilities.FindById))
        {
            await ExpectFound(c, CustomerLookup.ById(s.DebtorCustomerId), "the debtor's id", s.DebtorCustomerId).ConfigureAwait(false);
            await ExpectFound(c, CustomerLookup.ById(s.UnknownId), "an unknown id").ConfigureAwait(false);
        }
        else
        {
            await c.Unsupported(nameof(BillingCapabilities.FindById), "FindCustomersAsync(by id)", ct => Find(c, CustomerLookup.ById(s.DebtorCustomerId), ct)).ConfigureAwait(false);
        }

        if (c.Billing.Info.Supports(BillingCapabilities.FindByLogin))
            await ExpectFound(c, CustomerLookup.ByLogin(s.DebtorLogin), "the debtor's PPPoE login", s.DebtorCustomerId).ConfigureAwait(false);
        else
            await c.Unsupported(nameof(BillingCapabilities.FindByLogin), "FindCustomersAsync(by login)", ct => Find(c, CustomerLookup.ByLogin(s.DebtorLogin), ct)).ConfigureAwait(false);
    }

    private static async Task<DebtStatus?> Debt(ConformanceContext c, string customerId)
    {
        if (!c.Billing.Info.Supports(BillingCapabilities.DebtStatus))
        {
            await c.Unsupported(nameof(BillingCapabilities.DebtStatus), "GetDebtStatusAsync", ct => c.Billing.GetDebtStatusAsync(customerId, ct)).ConfigureAwait(false);
            return null;
        }
        var debt = await c.Call($"GetDebtStatusAsync({customerId})", ct => c.Billing.GetDebtStatusAsync(customerId, ct)).ConfigureAwait(false);
        c.True(debt is not null, "GetDebtStatusAsync returned null.");
        c.Equal(customerId, debt!.CustomerId, "DebtStatus.CustomerId");
        return debt;
    }

    private static async Task DebtSplitAsync(ConformanceContext c)
    {
        var s = c.Scenario;
        if (await Debt(c, s.DebtorCustomerId).ConfigureAwait(false) is not { } debt) return;
        c.Equal(s.Today, debt.AsOf, "DebtStatus.AsOf (today in São Paulo; the clock is 22:30 there, already tomorrow in UTC)");
        c.SameIds(s.ExpectedOverdueInvoiceIds, debt.Overdue.Select(i => i.Id), "DebtStatus.Overdue");
        c.SameIds(s.ExpectedUpcomingInvoiceIds, debt.Upcoming.Select(i => i.Id), "DebtStatus.Upcoming");
        foreach (var invoice in debt.Overdue.Concat(debt.Upcoming))
        {
            var seeded = s.Data.Invoices.First(i => i.Id == invoice.Id);
            c.Equal(seeded.DueDate, invoice.DueDate, $"Invoice {invoice.Id} DueDate");
            c.Equal(seeded.OpenAmount, invoice.OpenAmount, $"Invoice {invoice.Id} OpenAmount (partial payments deducted)");
            c.Equal(seeded.CustomerId, invoice.CustomerId, $"Invoice {invoice.Id} CustomerId");
        }
        c.Equal(s.ExpectedTotalOverdue, debt.TotalOverdue, "DebtStatus.TotalOverdue");
        c.Equal(s.ExpectedMaxDaysOverdue, debt.MaxDaysOverdue, "DebtStatus.MaxDaysOverdue");
    }

    private static async Task DebtExcludesSettledAsync(ConformanceContext c)
    {
        var s = c.Scenario;
        if (await Debt(c, s.DebtorCustomerId).ConfigureAwait(false) is not { } debt) return;
        var listed = debt.Overdue.Concat(debt.Upcoming).Select(i => i.Id).ToList();
        c.True(!listed.Contains(s.PaidInvoiceId), $"Paid invoice {s.PaidInvoiceId} is listed as debt.");
        c.True(!listed.Contains(s.CancelledInvoiceId), $"Cancelled invoice {s.CancelledInvoiceId} is listed as debt.");
        c.True(debt.Overdue.Concat(debt.Upcoming).All(i => i.Status is InvoiceStatus.Open or InvoiceStatus.PartiallyPaid && i.OpenAmount > 0),
            "A debt invoice is not open (status must be Open or PartiallyPaid with something left to pay).");

        var none = await Debt(c, s.NoDebtCustomerId).ConfigureAwait(false);
        c.SameIds([], none!.Overdue.Concat(none.Upcoming).Select(i => i.Id), "DebtStatus of a customer who paid everything");
        c.Equal(0m, none.TotalOverdue, "TotalOverdue of a customer who paid everything");
        c.Equal(0, none.MaxDaysOverdue, "MaxDaysOverdue of a customer who paid everything");
    }

    private static async Task DebtContractsAsync(ConformanceContext c)
    {
        var s = c.Scenario;
        if (await Debt(c, s.DebtorCustomerId).ConfigureAwait(false) is not { } debt) return;
        c.SameIds([s.DebtorActiveContractId, s.DebtorBlockedContractId], debt.Contracts.Select(x => x.Id), "DebtStatus.Contracts");
        var active = debt.Contracts.First(x => x.Id == s.DebtorActiveContractId);
        var blocked = debt.Contracts.First(x => x.Id == s.DebtorBlockedContractId);
        c.True(active.Access.Status.HasFullAccess, $"Contract {active.Id} should have full access, is {active.Access.Status}.");
        c.Equal(AccessStatus.Blocked, blocked.Access.Status, $"Contract {blocked.Id} access");
        c.True(debt.Contracts.All(x => x.CustomerId == s.DebtorCustomerId), "A contract of DebtStatus.Contracts belongs to another customer.");
    }

    private static async Task DebtUnknownCustomerAsync(ConformanceContext c)
    {
        if (!c.Billing.Info.Supports(BillingCapabilities.DebtStatus))
        {
            await c.Unsupported(nameof(BillingCapabilities.DebtStatus), "GetDebtStatusAsync", ct => c.Billing.GetDebtStatusAsync(c.Scenario.UnknownId, ct)).ConfigureAwait(false);
            return;
        }
        await c.Throws<ConnectorNotFoundException>("GetDebtStatusAsync(unknown customer)", ct => c.Billing.GetDebtStatusAsync(c.Scenario.UnknownId, ct)).ConfigureAwait(false);
    }

    private static async Task<List<Invoice>?> List(ConformanceContext c, InvoiceQuery query, string what)
    {
        if (!c.Billing.Info.Supports(BillingCapabilities.ListOpenInvoices))
        {
            await c.Unsupported(nameof(BillingCapabilities.ListOpenInvoices), "ListOpenInvoicesAsync", async ct =>
            {
                await foreach (var unused in c.Billing.ListOpenInvoicesAsync(query, ct).ConfigureAwait(false)) { }
            }).ConfigureAwait(false);
            return null;
        }
        return await c.Call($"ListOpenInvoicesAsync({what})", async ct =>
        {
            var all = new List<Invoice>();
            await foreach (var invoice in c.Billing.ListOpenInvoicesAsync(query, ct).ConfigureAwait(false)) all.Add(invoice);
            return all;
        }).ConfigureAwait(false);
    }

    private static async Task ListCompleteAsync(ConformanceContext c)
    {
        var s = c.Scenario;
        if (await List(c, new InvoiceQuery { PageSize = SmallPage }, "all, page size 7").ConfigureAwait(false) is not { } all) return;
        c.SameIds(s.OpenInvoices.Select(i => i.Id), all.Select(i => i.Id), "ListOpenInvoicesAsync(all)");
        foreach (var invoice in all)
        {
            var seeded = s.OpenInvoices.First(i => i.Id == invoice.Id);
            c.Equal(seeded.CustomerId, invoice.CustomerId, $"Invoice {invoice.Id} CustomerId");
            c.Equal(seeded.DueDate, invoice.DueDate, $"Invoice {invoice.Id} DueDate");
            c.Equal(seeded.OpenAmount, invoice.OpenAmount, $"Invoice {invoice.Id} OpenAmount");
            c.True(invoice.Amount >= invoice.OpenAmount, $"Invoice {invoice.Id}: Amount {invoice.Amount} is below OpenAmount {invoice.OpenAmount}.");
            c.True(invoice.Status is InvoiceStatus.Open or InvoiceStatus.PartiallyPaid, $"Invoice {invoice.Id} is listed as open with status {invoice.Status}.");
        }
        c.Log(string.Create(CultureInfo.InvariantCulture, $"{all.Count} open invoices listed in pages of {SmallPage}."));
    }

    private static async Task ListFiltersAsync(ConformanceContext c)
    {
        var s = c.Scenario;
        if (await List(c, new InvoiceQuery { CustomerId = s.DebtorCustomerId, PageSize = 2 }, "the debtor's").ConfigureAwait(false) is not { } mine) return;
        c.SameIds(s.ExpectedOverdueInvoiceIds.Concat(s.ExpectedUpcomingInvoiceIds), mine.Select(i => i.Id), "ListOpenInvoicesAsync(CustomerId = debtor)");

        var overdue = await List(c, new InvoiceQuery { OverdueOnly = true, PageSize = SmallPage }, "overdue only").ConfigureAwait(false);
        c.SameIds(s.OpenInvoices.Where(i => i.DueDate < s.Today).Select(i => i.Id), overdue!.Select(i => i.Id), "ListOpenInvoicesAsync(OverdueOnly)");
    }

    private static async Task<List<Contract>> Contracts(ConformanceContext c, ContractQuery query, string what) =>
        await c.Call($"ListContractsAsync({what})", async ct =>
        {
            var all = new List<Contract>();
            await foreach (var contract in c.Billing.ListContractsAsync(query, ct).ConfigureAwait(false)) all.Add(contract);
            return all;
        }).ConfigureAwait(false);

    private static async Task ListContractsAsync(ConformanceContext c)
    {
        var s = c.Scenario;
        if (!c.Billing.Info.Supports(BillingCapabilities.ListContracts))
        {
            await c.Unsupported(nameof(BillingCapabilities.ListContracts), "ListContractsAsync", async ct =>
            {
                await foreach (var unused in c.Billing.ListContractsAsync(ContractQuery.ForCustomers([s.DebtorCustomerId]), ct).ConfigureAwait(false)) { }
            }).ConfigureAwait(false);
            return;
        }

        // Three customers (one unknown) one per batch: the implementation must page or batch without losing or repeating any.
        string[] asked = [s.DebtorCustomerId, s.NoDebtCustomerId, s.UnknownId];
        var some = await Contracts(c, new ContractQuery { CustomerIds = asked, PageSize = 1 }, "three customers, batches of 1").ConfigureAwait(false);
        var expected = s.Data.Contracts.Where(x => asked.Contains(x.CustomerId)).Select(x => x.Id).ToList();
        c.SameIds(expected, some.Select(x => x.Id), "ListContractsAsync(three customers)");
        c.True(some.Select(x => x.Id).Distinct(StringComparer.Ordinal).Count() == some.Count, "ListContractsAsync yielded a contract twice.");
        c.True(some.All(x => asked.Contains(x.CustomerId)), "ListContractsAsync yielded a contract of a customer that was not asked for.");
        var blocked = some.First(x => x.Id == s.DebtorBlockedContractId);
        c.Equal(AccessStatus.Blocked, blocked.Access.Status, $"Contract {blocked.Id} access");
        c.True(some.First(x => x.Id == s.DebtorActiveContractId).Access.Status.HasFullAccess, $"Contract {s.DebtorActiveContractId} should have full access.");
        if (c.Billing.Info.Supports(BillingCapabilities.DebtStatus))
        {
            var debt = await c.Call("GetDebtStatusAsync", ct => c.Billing.GetDebtStatusAsync(s.DebtorCustomerId, ct)).ConfigureAwait(false);
            foreach (var contract in debt.Contracts)
            {
                var bulk = some.First(x => x.Id == contract.Id);
                c.Equal(contract.Access.Status, bulk.Access.Status, $"Contract {contract.Id} access, bulk vs GetDebtStatusAsync");
                c.Equal(contract.Login, bulk.Login, $"Contract {contract.Id} login, bulk vs GetDebtStatusAsync");
            }
        }

        var none = await Contracts(c, new ContractQuery { CustomerIds = [] }, "no customers").ConfigureAwait(false);
        c.True(none.Count == 0, "ListContractsAsync with an empty id list yielded contracts.");

        var all = await Contracts(c, new ContractQuery { PageSize = SmallPage }, "the whole base").ConfigureAwait(false);
        c.True(all.Select(x => x.Id).Distinct(StringComparer.Ordinal).Count() == all.Count, "ListContractsAsync(whole base) yielded a contract twice.");
        var missing = s.Data.Contracts.Select(x => x.Id).Except(all.Select(x => x.Id), StringComparer.Ordinal).ToList();
        c.True(missing.Count == 0, $"ListContractsAsync(whole base) missed {missing.Count} contract(s), e.g. {missing.FirstOrDefault()}.");

        await c.Throws<ArgumentException>("ListContractsAsync with a blank customer id", async ct =>
        {
            await foreach (var unused in c.Billing.ListContractsAsync(new ContractQuery { CustomerIds = [s.DebtorCustomerId, " "] }, ct).ConfigureAwait(false)) { }
        }).ConfigureAwait(false);
        await c.Cancelled("ListContractsAsync", async ct =>
        {
            await foreach (var unused in c.Billing.ListContractsAsync(ContractQuery.All, ct).ConfigureAwait(false)) { }
        }).ConfigureAwait(false);
    }

    private static async Task ListCancellableAsync(ConformanceContext c)
    {
        var query = new InvoiceQuery { PageSize = SmallPage };
        if (!c.Billing.Info.Supports(BillingCapabilities.ListOpenInvoices))
        {
            await List(c, query, "").ConfigureAwait(false);
            return;
        }
        await c.Cancelled("ListOpenInvoicesAsync", async ct =>
        {
            await foreach (var unused in c.Billing.ListOpenInvoicesAsync(query, ct).ConfigureAwait(false)) { }
        }).ConfigureAwait(false);

        var total = c.Scenario.OpenInvoices.Count;
        c.True(total > 3 * SmallPage, "The scenario is too small for the mid-listing cancellation check.");
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(c.Token);
        var seen = 0;
        try
        {
            await foreach (var unused in c.Billing.ListOpenInvoicesAsync(query, cts.Token).ConfigureAwait(false))
            {
                if (++seen == 1) await cts.CancelAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!c.Token.IsCancellationRequested)
        {
            c.Log(string.Create(CultureInfo.InvariantCulture, $"Cancelled after {seen} of {total} invoices."));
            c.True(seen < total, "The listing was cancelled only after yielding everything.");
            return;
        }
        catch (Exception ex) when (ex is not ConformanceException)
        {
            throw c.Fail($"ListOpenInvoicesAsync cancelled mid-way should throw OperationCanceledException but threw {ex.GetType().Name}: {ex.Message}", ex);
        }
        throw c.Fail(string.Create(CultureInfo.InvariantCulture, $"ListOpenInvoicesAsync cancelled after the first invoice completed normally ({seen} of {total} yielded)."));
    }

    private static async Task SlipAsync(ConformanceContext c)
    {
        var s = c.Scenario;
        var info = c.Billing.Info;
        var invoiceId = s.ExpectedOverdueInvoiceIds.OrderBy(x => x, StringComparer.Ordinal).First();
        if (!info.Supports(BillingCapabilities.BoletoLine) && !info.Supports(BillingCapabilities.PixCopyPaste) && !info.Supports(BillingCapabilities.BoletoPdf))
        {
            await c.Unsupported("BoletoLine|PixCopyPaste|BoletoPdf", "GetPaymentSlipAsync", ct => c.Billing.GetPaymentSlipAsync(invoiceId, ct)).ConfigureAwait(false);
            return;
        }
        var slip = await c.Call($"GetPaymentSlipAsync({invoiceId})", ct => c.Billing.GetPaymentSlipAsync(invoiceId, ct)).ConfigureAwait(false);
        c.True(slip is not null, "GetPaymentSlipAsync returned null.");
        c.Equal(invoiceId, slip!.InvoiceId, "PaymentSlip.InvoiceId");
        c.True(slip.Amount is null || slip.Amount > 0, $"PaymentSlip.Amount {slip.Amount} is not positive.");
        if (info.Supports(BillingCapabilities.BoletoLine))
        {
            var digits = new string((slip.DigitableLine ?? "").Where(char.IsAsciiDigit).ToArray());
            c.True(digits.Length is 47 or 48, $"BoletoLine declared but the linha digitável has {digits.Length} digits (47 or 48 expected).");
        }
        if (info.Supports(BillingCapabilities.PixCopyPaste))
            c.True(slip.PixCopyPaste?.StartsWith("000201", StringComparison.Ordinal) == true, "PixCopyPaste declared but the slip has no EMV copia-e-cola (starting 000201).");
        if (info.Supports(BillingCapabilities.BoletoPdf))
            c.True(slip.PdfUrl is not null || slip.Pdf is { Length: > 0 }, "BoletoPdf declared but the slip has neither a PDF link nor PDF bytes.");

        await c.Throws<ConnectorException>("GetPaymentSlipAsync(unknown invoice)", ct => c.Billing.GetPaymentSlipAsync(s.UnknownId, ct)).ConfigureAwait(false);
    }

    private static async Task TrustUnlockAsync(ConformanceContext c)
    {
        var s = c.Scenario;
        if (!c.Billing.Info.Supports(BillingCapabilities.TrustUnlock))
        {
            await c.Unsupported(nameof(BillingCapabilities.TrustUnlock), "RequestTrustUnlockAsync", ct => c.Billing.RequestTrustUnlockAsync(s.DebtorBlockedContractId, ct)).ConfigureAwait(false);
            return;
        }
        async Task<TrustUnlockResult> Unlock(string contractId, string what)
        {
            var result = await c.Call($"RequestTrustUnlockAsync({what})", ct => c.Billing.RequestTrustUnlockAsync(contractId, ct)).ConfigureAwait(false);
            c.True(result is not null, "RequestTrustUnlockAsync returned null.");
            c.Log($"{what}: {result!.Outcome}{(result.Reason is null ? "" : " (" + result.Reason + ")")}");
            return result;
        }

        var active = await Unlock(s.DebtorActiveContractId, "an active contract").ConfigureAwait(false);
        c.True(active.Outcome is TrustUnlockOutcome.AlreadyActive or TrustUnlockOutcome.NotEligible,
            $"A contract with full access was {active.Outcome}; expected AlreadyActive (or NotEligible).");

        var inactive = await Unlock(s.InactiveContractId, "a cancelled contract").ConfigureAwait(false);
        c.Equal(TrustUnlockOutcome.NotEligible, inactive.Outcome, "Trust unlock of a cancelled contract");
        c.True(!string.IsNullOrWhiteSpace(inactive.Reason), "NotEligible without a Reason.");

        var granted = await Unlock(s.DebtorBlockedContractId, "a contract blocked for debt").ConfigureAwait(false);
        c.Equal(TrustUnlockOutcome.Granted, granted.Outcome, "Trust unlock of a contract blocked for debt");
        c.True(granted.Until is null || granted.Until > s.Now, $"Granted until {granted.Until}, which is not after now ({s.Now}).");

        var again = await Unlock(s.DebtorBlockedContractId, "the same contract again").ConfigureAwait(false);
        c.True(again.Outcome != TrustUnlockOutcome.Granted, "A second trust unlock right after the first was Granted again.");

        if (c.Billing.Info.Supports(BillingCapabilities.DebtStatus))
        {
            var debt = await c.Call("GetDebtStatusAsync after the unlock", ct => c.Billing.GetDebtStatusAsync(s.DebtorCustomerId, ct)).ConfigureAwait(false);
            var contract = debt.Contracts.FirstOrDefault(x => x.Id == s.DebtorBlockedContractId);
            c.True(contract is not null && contract.Access.Status.HasFullAccess,
                $"After a Granted trust unlock the contract's access is {contract?.Access.Status.ToString() ?? "missing"}, not full access.");
        }

        try
        {
            var unknown = await c.Billing.RequestTrustUnlockAsync(s.UnknownId, c.Token).ConfigureAwait(false);
            c.True(unknown.Outcome == TrustUnlockOutcome.NotEligible, $"Trust unlock of an unknown contract was {unknown.Outcome}; expected ConnectorNotFoundException (or NotEligible).");
        }
        catch (ConnectorNotFoundException ex)
        {
            c.Raised.Add(ex);
        }
        catch (Exception ex) when (ex is not (ConformanceException or OperationCanceledException))
        {
            throw c.Fail($"Trust unlock of an unknown contract threw {ex.GetType().Name} instead of ConnectorNotFoundException: {ex.Message}", ex);
        }
    }

    private static async Task CancellationAsync(ConformanceContext c)
    {
        var s = c.Scenario;
        var b = c.Billing;
        var info = b.Info;
        // Unsupported operations must still throw (NotSupportedException or OperationCanceledException): only declared ones are checked here.
        if (info.Supports(BillingCapabilities.FindByDocument)) await c.Cancelled("FindCustomersAsync", ct => b.FindCustomersAsync(CustomerLookup.ByDocument(s.DebtorDocument), ct)).ConfigureAwait(false);
        if (info.Supports(BillingCapabilities.FindByPhone)) await c.Cancelled("FindCustomersAsync(by phone)", ct => b.FindCustomersAsync(CustomerLookup.ByPhone(s.DebtorPhone), ct)).ConfigureAwait(false);
        if (info.Supports(BillingCapabilities.DebtStatus)) await c.Cancelled("GetDebtStatusAsync", ct => b.GetDebtStatusAsync(s.DebtorCustomerId, ct)).ConfigureAwait(false);
        if (info.Supports(BillingCapabilities.BoletoLine) || info.Supports(BillingCapabilities.PixCopyPaste) || info.Supports(BillingCapabilities.BoletoPdf))
            await c.Cancelled("GetPaymentSlipAsync", ct => b.GetPaymentSlipAsync(s.ExpectedOverdueInvoiceIds[0], ct)).ConfigureAwait(false);
        if (info.Supports(BillingCapabilities.TrustUnlock))
        {
            await c.Cancelled("RequestTrustUnlockAsync", ct => b.RequestTrustUnlockAsync(s.DebtorBlockedContractId, ct)).ConfigureAwait(false);
            var later = await c.Call("RequestTrustUnlockAsync after a cancelled one", ct => b.RequestTrustUnlockAsync(s.DebtorBlockedContractId, ct)).ConfigureAwait(false);
            c.Equal(TrustUnlockOutcome.Granted, later.Outcome, "A trust unlock after a cancelled request (the cancelled one must not have been applied)");
        }
    }

    private static async Task ErrorsRedactedAsync(ConformanceContext c)
    {
        var s = c.Scenario;
        var b = c.Billing;
        var info = b.Info;
        async Task Collect(Func<CancellationToken, Task> operation)
        {
            try
            {
                await operation(c.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (c.Token.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex) when (ex is not ConformanceException)
            {
                c.Raised.Add(ex);
            }
        }

        await Collect(ct => b.GetDebtStatusAsync(s.UnknownId, ct)).ConfigureAwait(false);
        await Collect(ct => b.GetPaymentSlipAsync(s.UnknownId, ct)).ConfigureAwait(false);
        await Collect(ct => b.RequestTrustUnlockAsync(s.UnknownId, ct)).ConfigureAwait(false);
        if (c.Target.StartOutage is { } outage)
        {
            using (outage())
            {
                var before = c.Raised.Count;
                await Collect(ct => b.FindCustomersAsync(CustomerLookup.ByDocument(s.DebtorDocument), ct)).ConfigureAwait(false);
                await Collect(ct => b.FindCustomersAsync(CustomerLookup.ByPhone(s.DebtorPhone), ct)).ConfigureAwait(false);
                await Collect(ct => b.GetDebtStatusAsync(s.DebtorCustomerId, ct)).ConfigureAwait(false);
                await Collect(ct => b.GetPaymentSlipAsync(s.ExpectedOverdueInvoiceIds[0], ct)).ConfigureAwait(false);
                await Collect(ct => b.RequestTrustUnlockAsync(s.DebtorBlockedContractId, ct)).ConfigureAwait(false);
                c.True(c.Raised.Count - before == 5 || (info.Capabilities & (BillingCapabilities.FindByDocument | BillingCapabilities.FindByPhone | BillingCapabilities.DebtStatus | BillingCapabilities.TrustUnlock)) != (BillingCapabilities.FindByDocument | BillingCapabilities.FindByPhone | BillingCapabilities.DebtStatus | BillingCapabilities.TrustUnlock),
                    "During an outage some calls did not fail: the outage switch of the target does not work, or a result was made up.");
            }
        }
        else
        {
            c.Log("The target offers no outage switch: only not-found errors were inspected.");
        }
        c.True(c.Raised.Count > 0, "No error was raised at all (unknown ids must not succeed).");
        c.NoSecretsIn(c.Raised);
        c.Log(string.Create(CultureInfo.InvariantCulture, $"{c.Raised.Count} exception messages inspected."));
    }
}
