using Cobranca.Connectors.Pix;
using Cobranca.Connectors.Testing.Ixc;
using CollectionsBot.Bot;

namespace CollectionsBot;

/// <summary>
/// A person plays the customer: each line typed goes through the WhatsApp sandbox (a signed webhook to the bot's app),
/// and the bot's messages are printed as WhatsApp would show them. Commands: <c>#id</c> taps a button or list row,
/// <c>/pagar</c> pays the last Pix charge the bot issued to you, <c>/atendentes</c> lists hand-offs,
/// <c>/liberar</c> gives your conversation back to the bot, <c>/sair</c> quits.
/// </summary>
public static class InteractiveRun
{
    public static async Task<int> RunAsync(BotWorld w, string from, TextReader input, TextWriter o)
    {
        o.WriteLine($"Você é o cliente do WhatsApp {from} (Ana Clara: os 3 primeiros dígitos do CPF são {IxcSandboxData.AnaCpf[..3]}).");
        o.WriteLine("Digite mensagens; #id toca num botão/linha; /pagar paga o último Pix; /atendentes; /liberar; /sair.");
        var shown = SandboxTranscript.To(w.WhatsApp, from).Count;
        while (true)
        {
            o.Write("> ");
            var line = await input.ReadLineAsync();
            if (line is null || line.Trim() == "/sair") return 0;
            line = line.Trim();
            if (line.Length == 0) continue;
            try
            {
                if (line == "/pagar")
                {
                    var txid = await LastChargeAsync(w, from);
                    if (txid is null) { o.WriteLine("(nenhum Pix emitido para você ainda: peça a segunda via)"); continue; }
                    var paid = await w.Psp.PayAsync(txid);
                    o.WriteLine($"(o banco pagou {paid.Amount:0.00} no Pix {txid}; o PSP avisou o bot: HTTP {paid.WebhookStatusCode})");
                }
                else if (line == "/atendentes")
                {
                    o.WriteLine("(aguardando uma pessoa: " + string.Join(", ", await w.Engine.ListHandedOffAsync()) + ")");
                }
                else if (line == "/liberar")
                {
                    o.WriteLine(await w.Engine.ReleaseAsync(from) ? "(a conversa voltou para o bot)" : "(a conversa não estava com uma pessoa)");
                }
                else if (line.StartsWith('#'))
                {
                    var id = line[1..];
                    if (id.StartsWith(ConversationEngine.ChoiceInvoicePrefix, StringComparison.Ordinal)) await w.WhatsApp.ChooseListRowAsync(from, id, id);
                    else await w.WhatsApp.ReplyButtonAsync(from, id, id);
                }
                else
                {
                    await w.WhatsApp.TypeAsCustomerAsync(from, line);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                o.WriteLine($"(erro: {ex.GetType().Name}: {ex.Message})");
            }
            var messages = SandboxTranscript.To(w.WhatsApp, from);
            foreach (var m in messages.Skip(shown)) o.WriteLine("bot: " + SandboxTranscript.Render(w.WhatsApp, m).Replace("\n", "\n     ", StringComparison.Ordinal));
            shown = messages.Count;
        }
    }

    private static async Task<string?> LastChargeAsync(BotWorld w, string from)
    {
        string? last = null;
        await foreach (var entry in w.Stores.Charges.ListAsync())
        {
            if (entry.Value.Contains($"\"{from}\"", StringComparison.Ordinal)) last = entry.Key;
        }
        return last;
    }
}
