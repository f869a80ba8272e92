using Cobranca.Connectors.Storage.Sqlite;
using CollectionsBot.Bot;
using Microsoft.Data.Sqlite;
using static Cobranca.Samples.CollectionsBot.Tests.BotHarness;

namespace Cobranca.Samples.CollectionsBot.Tests;

/// <summary>The conversation survives a restart: a new store instance and a new engine on the same SQLite file.</summary>
public sealed class DurableConversationTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "collections-bot-" + Guid.NewGuid().ToString("N")[..8]);

    public DurableConversationTests() => Directory.CreateDirectory(_dir);

    private async Task<BotStores> OpenAsync(TimeProvider time)
    {
        var store = new SqliteLedgerStore(new SqliteLedgerStoreOptions { Path = Path.Combine(_dir, "bot.db") }, time);
        await store.MigrateAsync();
        return BotStores.From(store, "isp-a");
    }

    [Fact]
    public async Task A_restart_mid_conversation_keeps_the_verified_session_the_dedupe_and_the_charges()
    {
        await using var h = await StartAsync();
        var first = await OpenAsync(h.Time);
        h.NewEngine(first);
        await h.Engine.HandleAsync(new BotInbound(AnaWaId, "wamid.a1", h.Time.GetUtcNow(), "oi"));
        await h.Engine.HandleAsync(new BotInbound(AnaWaId, "wamid.a2", h.Time.GetUtcNow(), "111"));
        Assert.IsType<BotButtons>(h.Channel.To(AnaWaId)[^1]);

        // "Restart": nothing in memory survives; a new store instance on the same file and a new engine.
        var second = await OpenAsync(h.Time);
        h.NewEngine(second);
        var count = h.Channel.To(AnaWaId).Count;
        Assert.Equal(BotHandling.Duplicate, await h.Engine.HandleAsync(new BotInbound(AnaWaId, "wamid.a2", h.Time.GetUtcNow(), "111")));
        Assert.Equal(count, h.Channel.To(AnaWaId).Count);

        await h.Engine.HandleAsync(new BotInbound(AnaWaId, "wamid.a3", h.Time.GetUtcNow(), "segunda via"));
        var sent = h.Channel.To(AnaWaId).Skip(count).ToList();
        Assert.Contains(sent, m => m is BotImage); // straight to the second copy: no greeting, no second factor again
        Assert.DoesNotContain(sent, m => RecordingChannel.Visible(m).Contains("primeiros dígitos", StringComparison.Ordinal));

        var third = await OpenAsync(h.Time);
        var txid = Cobranca.Connectors.Pix.PixTxid.ForInvoice(h.Options.TxidPrefix, "3010");
        Assert.Equal(new BotCharge("3010", "1004", AnaWaId), await third.GetChargeAsync(txid));
        var stored = Conversation.FromJson((await third.Conversations.GetAsync(AnaWaId))!.Value);
        Assert.Equal(ConversationPhase.Menu, stored.Phase);
        Assert.Equal("1004", stored.CustomerId);
        Assert.Equal(["wamid.a1", "wamid.a2", "wamid.a3"], stored.Seen);
    }

    [Fact]
    public async Task A_lock_survives_a_restart()
    {
        await using var h = await StartAsync();
        h.NewEngine(await OpenAsync(h.Time));
        foreach (var text in new[] { "oi", "000", "001", "002" }) await h.SayAsync(AnaWaId, text);

        h.NewEngine(await OpenAsync(h.Time));
        await h.SayAsync(AnaWaId, "111");
        Assert.Contains("bloqueada até", RecordingChannel.Visible(h.Channel.To(AnaWaId)[^1]), StringComparison.Ordinal);
        Assert.DoesNotContain(h.Channel.To(AnaWaId), m => RecordingChannel.Visible(m).Contains("R$", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
