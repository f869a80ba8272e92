using System.Globalization;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing.Pix;
using Microsoft.Extensions.Time.Testing;

namespace Cobranca.Connectors.Pix.Tests.Billing;

/// <summary>A PSP sandbox, a Pix client and the workflow on one fake clock (12:00 UTC, 09:00 in São Paulo).</summary>
internal sealed class RecurringBillingKit : IAsyncDisposable
{
    public static readonly DateOnly Due = new(2027, 1, 15);

    private RecurringBillingKit(FakeTimeProvider time, PixPspSandbox sandbox, PixClient client, Pix.RecurringBilling billing,
        InMemoryStateStore enrolments, InMemoryStateStore charges)
    {
        Time = time;
        Sandbox = sandbox;
        Client = client;
        Billing = billing;
        Enrolments = enrolments;
        Charges = charges;
    }

    public FakeTimeProvider Time { get; }
    public PixPspSandbox Sandbox { get; }
    public PixClient Client { get; }
    public Pix.RecurringBilling Billing { get; private set; }
    public InMemoryStateStore Enrolments { get; }
    public InMemoryStateStore Charges { get; }
    public List<RecurringInvoiceResult> HandedOver { get; } = [];
    public List<RecurringInvoiceResult> DoublePayments { get; } = [];

    /// <summary>Whether the workflow sends customers not enrolled through lotecobv.</summary>
    public bool Batches { get; private init; }

    public int? BatchSize { get; private init; }

    public long FirstBatchId { get; private init; } = 1;

    public static async Task<RecurringBillingKit> StartAsync(Action<PixPspSandboxOptions>? configure = null, bool batches = false, int? batchSize = null,
        long firstBatchId = 1)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 20, 12, 0, 0, TimeSpan.Zero));
        var sandboxOptions = new PixPspSandboxOptions { TimeProvider = time };
        configure?.Invoke(sandboxOptions);
        var sandbox = await PixPspSandbox.StartAsync(sandboxOptions);
        var pixOptions = new PixClientOptions
        {
            BaseAddress = sandbox.BaseUrl, TokenUrl = sandbox.TokenUrl, ClientId = sandbox.ClientId, ClientSecret = sandbox.ClientSecret,
        };
        pixOptions.Resilience.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
        var client = new PixClient(pixOptions, timeProvider: time);
        var enrolments = new InMemoryStateStore(Pix.RecurringBilling.RecurrenceCollection, time);
        var charges = new InMemoryStateStore(Pix.RecurringBilling.RecurringChargeCollection, time);
        var kit = new RecurringBillingKit(time, sandbox, client, null!, enrolments, charges) { Batches = batches, BatchSize = batchSize, FirstBatchId = firstBatchId };
        kit.Billing = kit.CreateBilling(enrolments, charges);
        return kit;
    }

    /// <summary>Another instance of the workflow (a restarted process, a second worker) over the given collections.</summary>
    public Pix.RecurringBilling CreateBilling(IStateStore enrolments, IStateStore charges) =>
        new(Client, Client, Batches ? Client : null, enrolments, charges, new RecurringBillingOptions
        {
            PixKey = Sandbox.Key,
            ReceiverAccount = "012682",
            TimeProvider = Time,
            DueChargeBatchSize = BatchSize,
            FirstDueChargeBatchId = FirstBatchId,
            OnHandedToDunning = (r, _) => { lock (HandedOver) HandedOver.Add(r); return Task.CompletedTask; },
            OnDoublePayment = (r, _) => { lock (DoublePayments) DoublePayments.Add(r); return Task.CompletedTask; },
        });

    public static string Cpf(int i) => Document.CpfFromBase((100000000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)).Value;

    public static RecurringEnrolment Enrolment(int i) => new()
    {
        CustomerId = "C" + i.ToString(CultureInfo.InvariantCulture),
        Contract = "CT" + i.ToString(CultureInfo.InvariantCulture),
        Document = Document.Parse(Cpf(i)),
        Name = "Cliente " + i.ToString(CultureInfo.InvariantCulture),
        FirstDueDate = Due,
        MinimumAmount = 79.90m,
    };

    public static RecurringInvoice Invoice(int i, string? existingCobv = null) => new()
    {
        InvoiceId = "F" + i.ToString(CultureInfo.InvariantCulture) + "M01",
        CustomerId = "C" + i.ToString(CultureInfo.InvariantCulture),
        DueDate = Due,
        Amount = 99.90m,
        Document = Document.Parse(Cpf(i)),
        Name = "Cliente " + i.ToString(CultureInfo.InvariantCulture),
        ExistingDueChargeTxid = existingCobv,
    };

    public async Task EnrolAndApproveAsync(int i)
    {
        var result = await Billing.EnrolAsync(Enrolment(i));
        await Sandbox.ApproveRecurrenceAsync(result.RecurrenceId!);
        await Billing.RefreshEnrolmentAsync(Enrolment(i).CustomerId);
    }

    /// <summary>Moves to the local date (09:00) and lets the payer's PSP act.</summary>
    public Task DayAsync(DateOnly date) => TestKit.MoveToDayAsync(Time, Sandbox, date);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Sandbox.DisposeAsync();
    }
}
