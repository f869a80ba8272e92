using System.Diagnostics;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Pix;
using Cobranca.Connectors.Testing.Ixc;
using Cobranca.Connectors.Testing.WhatsApp;
using CollectionsBot.Bot;

namespace CollectionsBot;

/// <summary>
/// The scripted conversation CI runs: one person fails the second factor and learns nothing; Ana passes, gets the
/// second copy, pays with Pix and is told her service is back. Any deviation → exit code 1.
/// </summary>
public static class ScriptedRun
{
    private static int _deviations;

    public static async Task<int> RunAsync(BotWorld w, TextWriter o)
    {
        var wa = w.WhatsApp;

        // ---- 1. Someone with Maria's phone does not know the holder's CPF: three wrong answers, then the lock.
        o.WriteLine("== 1. A person who fails the second factor (Maria's number, wrong digits)");
        foreach (var text in new[] { "oi, quero pagar minha conta", "000", "456", "789", "123", "quanto eu devo?" })
        {
            await SayAsync(w, BotWorld.MariaWaId, text, o);
        }
        var toStranger = SandboxTranscript.To(wa, BotWorld.MariaWaId);
        Check(o, toStranger.Count > 0, "the bot answered");
        Check(o, toStranger.All(m => m.Type == "text"), "only plain texts (no menu, list, image or document)");
        string[] forbidden = ["MARIA", "Maria", "JOAO", "Joao", "R$", "99,90", "59,90", "249,90", "50,00",
            IxcSandboxData.MariaOverdueInvoiceId, IxcSandboxData.MariaPartialInvoiceId, IxcSandboxData.JoaoUpcomingInvoiceId, "000201", "vencid", "fatura"];
        var leaks = toStranger.SelectMany(m => forbidden.Where(f => m.Body.Contains(f, StringComparison.Ordinal))).Distinct().ToList();
        Check(o, leaks.Count == 0, $"no message contains the name, amounts or invoice data{(leaks.Count > 0 ? " — LEAKED: " + string.Join(", ", leaks) : "")}");
        Check(o, SandboxTranscript.Render(wa, toStranger[^1]).Contains("bloqueada", StringComparison.Ordinal), "locked after 3 failures (the right digits '123' were refused during the lock)");
        Check(o, !w.Psp.Requests.Any(r => r.Path.Contains("/cobv/", StringComparison.Ordinal)), "no Pix charge was created or read");

        // ---- 2. Ana: her WhatsApp id has no ninth digit; the ERP has it with one. She passes and asks for the second copy.
        o.WriteLine();
        o.WriteLine("== 2. Ana passes the second factor and asks for the second copy");
        await SayAsync(w, BotWorld.AnaWaId, "boa tarde", o);
        await SayAsync(w, BotWorld.AnaWaId, "111", o); // CPF 111.444.777-35
        var menu = SandboxTranscript.To(wa, BotWorld.AnaWaId)[^1];
        Check(o, menu.Type == "interactive" && menu.Body.Contains(ConversationEngine.ChoiceSecondCopy, StringComparison.Ordinal), "verified: the menu came as reply buttons");
        var before = SandboxTranscript.To(wa, BotWorld.AnaWaId).Count;
        await TapAsync(w, BotWorld.AnaWaId, ConversationEngine.ChoiceSecondCopy, "Segunda via", o);
        var copy = SandboxTranscript.To(wa, BotWorld.AnaWaId).Skip(before).ToList();
        var txid = PixTxid.ForInvoice(w.Options.TxidPrefix, IxcSandboxData.AnaOverdueInvoiceId);
        var copyPaste = w.Psp.GetChargeStatus(txid) is null ? null : await ChargeCopyPasteAsync(w, txid);
        var pixText = copy.FirstOrDefault(m => m.Type == "text" && SandboxTranscript.Render(wa, m) == copyPaste);
        Check(o, copyPaste is not null && pixText is not null, "the Pix copia-e-cola came alone in its own text message");
        Check(o, copyPaste is not null && BrCode.TryParse(copyPaste, out _), "it is a valid BR Code");
        var image = copy.FirstOrDefault(m => m.Type == "image");
        var png = image is null ? null : wa.Media(System.Text.Json.JsonDocument.Parse(image.Body).RootElement.GetProperty("image").GetProperty("id").GetString()!);
        Check(o, png is { MimeType: "image/png" } && copyPaste is not null && png.Value.Bytes.AsSpan().SequenceEqual(PixQrCode.RenderPng(copyPaste)),
            "the QR code PNG of that code was uploaded as media and sent as an image");
        Check(o, copy.Any(m => m.Type == "text" && SandboxTranscript.Render(wa, m) is var t && t.Count(char.IsAsciiDigit) == 47 && t.All(c => char.IsAsciiDigit(c) || c is ' ' or '.')),
            "the boleto's linha digitável came in its own message");

        // ---- 3. Ana pays at her bank. PSP webhook → re-query → ERP → unblock (IXC, then the router) → WhatsApp message.
        o.WriteLine();
        o.WriteLine("== 3. Ana pays with Pix");
        var restoredMessage = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = Stopwatch.StartNew();
        w.Notifier.Notified += (waId, outcome) => { if (waId == BotWorld.AnaWaId) restoredMessage.TrySetResult(clock.Elapsed); };
        var countBeforePayment = SandboxTranscript.To(wa, BotWorld.AnaWaId).Count;
        var paid = await w.Psp.PayAsync(txid);
        TimeSpan elapsed;
        try
        {
            elapsed = await restoredMessage.Task.WaitAsync(TimeSpan.FromSeconds(20));
        }
        catch (TimeoutException)
        {
            Check(o, false, "the restored-service message arrived within 20 s");
            return 1;
        }
        var last = SandboxTranscript.To(wa, BotWorld.AnaWaId)[^1];
        o.WriteLine($"  bot → Ana: {SandboxTranscript.Render(wa, last)}");
        Check(o, SandboxTranscript.Render(wa, last).Contains("Serviço restabelecido", StringComparison.Ordinal), "Ana received \"serviço restabelecido\" on WhatsApp");
        var subscriber = await w.AnaSubscriberAsync();
        foreach (var controller in w.Controllers)
        {
            var state = await controller.GetAccessStateAsync(subscriber);
            Check(o, state.Status == AccessStatus.Active, $"access is active on {controller.Info.Name}");
        }
        o.WriteLine($"Payment -> \"serviço restabelecido\" WhatsApp message: {elapsed.TotalMilliseconds:0} ms (Pix {Money.Format(paid.Amount)}, e2e {paid.EndToEndId}).");

        // ---- 4. Redeliveries change nothing: the PSP's and Meta's.
        o.WriteLine();
        o.WriteLine("== 4. Redelivered webhooks");
        var countAfter = SandboxTranscript.To(wa, BotWorld.AnaWaId).Count;
        var status = await w.Psp.RedeliverWebhookAsync(paid.EndToEndId);
        var lastInbound = wa.Webhooks.Last(h => h.Body.AsSpan().IndexOf("\"messages\""u8) >= 0 && System.Text.Encoding.UTF8.GetString(h.Body).Contains(BotWorld.AnaWaId, StringComparison.Ordinal));
        await wa.RedeliverAsync(lastInbound);
        Check(o, SandboxTranscript.Render(wa, SandboxTranscript.To(wa, BotWorld.AnaWaId)[^1]).Contains("restabelecido", StringComparison.Ordinal)
                 && SandboxTranscript.To(wa, BotWorld.AnaWaId).Count == countAfter,
            $"the Pix webhook redelivery (answered {status}) and a WhatsApp redelivery sent nothing more");
        Check(o, countAfter == countBeforePayment + 1, "exactly one message after the payment");
        Check(o, BotWebhooks.Failures == 0, "no handler failures");

        o.WriteLine();
        o.WriteLine(_deviations == 0 ? "Scripted conversation: all checks passed." : $"Scripted conversation: {_deviations} deviation(s).");
        return _deviations == 0 ? 0 : 1;
    }

    private static async Task<string?> ChargeCopyPasteAsync(BotWorld w, string txid)
    {
        using var pix = new PixClient(new PixClientOptions { BaseAddress = w.Psp.BaseUrl, TokenUrl = w.Psp.TokenUrl, ClientId = w.Psp.ClientId, ClientSecret = w.Psp.ClientSecret });
        return (await pix.GetDueChargeAsync(txid)).CopyPaste;
    }

    private static async Task SayAsync(BotWorld w, string from, string text, TextWriter o)
    {
        var before = SandboxTranscript.To(w.WhatsApp, from).Count;
        o.WriteLine($"  {Mask(from)} → bot: {text}");
        await w.WhatsApp.TypeAsCustomerAsync(from, text);
        Print(w, from, before, o);
    }

    private static async Task TapAsync(BotWorld w, string from, string id, string title, TextWriter o)
    {
        var before = SandboxTranscript.To(w.WhatsApp, from).Count;
        o.WriteLine($"  {Mask(from)} → bot: [taps \"{title}\"]");
        await w.WhatsApp.ReplyButtonAsync(from, id, title);
        Print(w, from, before, o);
    }

    private static void Print(BotWorld w, string to, int skip, TextWriter o)
    {
        foreach (var m in SandboxTranscript.To(w.WhatsApp, to).Skip(skip))
            o.WriteLine("  bot → " + Mask(to) + ": " + SandboxTranscript.Render(w.WhatsApp, m).Replace("\n", "\n      ", StringComparison.Ordinal));
    }

    private static string Mask(string waId) => "…" + waId[^4..];

    private static void Check(TextWriter o, bool ok, string what)
    {
        if (!ok) _deviations++;
        o.WriteLine($"  {(ok ? "ok  " : "FAIL")} {what}");
    }
}
