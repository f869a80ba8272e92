// Sample 06: a WhatsApp collections bot, end to end, on the simulators.
//
//   customer ──WhatsApp──► Cloud API (sandbox) ──signed webhook──► this ASP.NET app (127.0.0.1)
//        greet → identify by the WhatsApp number (ninth digit tolerated) → second factor BEFORE anything is disclosed
//        → menu: second copy (boleto + Pix copia-e-cola alone + QR PNG as media) · trust unlock · a person (hand-off)
//   bank app pays ──► PSP (sandbox) ──webhook──► PixWebhookHandler (re-query, dedupe) ──► PaymentToUnblock
//        ──► unblock in IXC and on the MikroTik router ──► "serviço restabelecido" on WhatsApp
//
// Conversation state lives in the SQLite ledger store (collection bot.conversation): restart the app and every
// conversation continues where it was.
//
//   dotnet run --project samples/06-CollectionsBot                   the scripted conversation (what CI runs)
//   dotnet run --project samples/06-CollectionsBot -- --console      you play the customer
//   options: --db PATH (SQLite file; default a temporary one), --memory (in-memory store), --from WA_ID (console)
using CollectionsBot;

if (!BotArguments.TryParse(args, out var options, out var error))
{
    Console.Error.WriteLine(error);
    return 2;
}
var (console, db, memory, from) = (options.Console, options.DatabasePath, options.InMemory, options.From);

var temporary = db is null && !memory ? Path.Combine(Path.GetTempPath(), $"collections-bot-{Guid.NewGuid():N}.db") : null;
try
{
    await using var world = await BotWorld.StartAsync(memory ? null : db ?? temporary);
    Console.WriteLine($"Bot at {world.AppUrl} · state: {(memory ? "in memory (lost on exit)" : "SQLite " + (db ?? "temporary file"))}");
    return console
        ? await InteractiveRun.RunAsync(world, from, Console.In, Console.Out)
        : await ScriptedRun.RunAsync(world, Console.Out);
}
finally
{
    if (temporary is not null)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { temporary, temporary + "-wal", temporary + "-shm" }) File.Delete(f);
    }
}
