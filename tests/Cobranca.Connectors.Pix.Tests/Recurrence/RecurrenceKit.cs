using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing.Pix;
using Microsoft.Extensions.Time.Testing;

namespace Cobranca.Connectors.Pix.Tests.Recurrence;

/// <summary>A sandbox and a client sharing one fake clock (09:00 in São Paulo on 2026-12-01).</summary>
internal sealed class RecurrenceKit : IAsyncDisposable
{
    public const string Cpf = "52998224725";
    public const string PoorCpf = "11144477735";
    public const string RejectedCpf = "39053344705";

    private RecurrenceKit(FakeTimeProvider time, PixPspSandbox sandbox, PixClient client)
    {
        Time = time;
        Sandbox = sandbox;
        Client = client;
    }

    public FakeTimeProvider Time { get; }
    public PixPspSandbox Sandbox { get; }
    public PixClient Client { get; }

    public DateOnly Today => BrazilTime.Today(Time);

    public static async Task<RecurrenceKit> StartAsync(Action<PixPspSandboxOptions>? configure = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        var options = new PixPspSandboxOptions { TimeProvider = time };
        options.InsufficientFundsPayers.Add(PoorCpf);
        options.RejectingPayers[RejectedCpf] = "AM09";
        configure?.Invoke(options);
        var sandbox = await PixPspSandbox.StartAsync(options);
        var client = new PixClient(TestKit.Options(sandbox), timeProvider: time);
        return new RecurrenceKit(time, sandbox, client);
    }

    public PixRecurrenceRequest Rec(string cpf = Cpf, long? location = null, PixRetryPolicy policy = PixRetryPolicy.ThreeRetriesInSevenDays,
        decimal? fixedAmount = null, string? journeyTxid = null) => new()
    {
        Contract = "CT-" + cpf[..4],
        Description = "Internet fibra 500 Mb",
        Debtor = Document.Parse(cpf),
        DebtorName = "Fulano de Tal",
        StartDate = Today.AddDays(10),
        RetryPolicy = policy,
        MinimumAmount = fixedAmount is null ? 50m : null,
        FixedAmount = fixedAmount,
        LocationId = location,
        JourneyTxid = journeyTxid,
    };

    public PixRecurringChargeRequest Cobr(string recId, int daysAhead = 5, decimal amount = 99.90m) => new()
    {
        RecurrenceId = recId,
        DueDate = Today.AddDays(daysAhead),
        Amount = amount,
        ReceiverAccount = "012682",
    };

    public async Task<PixRecurrence> ApprovedAsync(string cpf = Cpf, PixRetryPolicy policy = PixRetryPolicy.ThreeRetriesInSevenDays)
    {
        var loc = await Client.CreateRecurrenceLocationAsync();
        var rec = await Client.CreateRecurrenceAsync(Rec(cpf, loc.Id, policy));
        await Sandbox.ApproveRecurrenceAsync(rec.Id);
        return await Client.GetRecurrenceAsync(rec.Id);
    }

    /// <summary>Moves the clock to the given local date at 09:00 and runs the payer PSP's scheduler.</summary>
    public Task AdvanceToAsync(DateOnly date) => TestKit.MoveToDayAsync(Time, Sandbox, date);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Sandbox.DisposeAsync();
    }
}
