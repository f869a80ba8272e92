using System.Net;
using System.Text;
using CollectionsBot;

namespace Cobranca.Samples.CollectionsBot.Tests;

/// <summary>The sample app over all the sandboxes: its webhook routes and the console mode.</summary>
public sealed class BotAppTests
{
    [Fact]
    public async Task The_whatsapp_webhook_refuses_a_missing_or_wrong_signature_and_answers_the_handshake_only_with_the_token()
    {
        await using var w = await BotWorld.StartAsync(null);
        using var http = new HttpClient { BaseAddress = w.AppUrl };
        var body = """{"object":"whatsapp_business_account","entry":[]}""";

        using var unsigned = await http.PostAsync("webhooks/whatsapp", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);

        using var wrong = new HttpRequestMessage(HttpMethod.Post, "webhooks/whatsapp") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        wrong.Headers.Add("X-Hub-Signature-256", "sha256=" + new string('0', 64));
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(wrong)).StatusCode);

        using var signed = new HttpRequestMessage(HttpMethod.Post, "webhooks/whatsapp") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        signed.Headers.Add("X-Hub-Signature-256", w.WhatsApp.Sign(Encoding.UTF8.GetBytes(body)));
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(signed)).StatusCode);

        Assert.Equal("4242", await http.GetStringAsync("webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=sample-verify-token&hub.challenge=4242"));
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=4242")).StatusCode);
    }

    [Fact]
    public async Task The_console_mode_plays_a_whole_conversation_from_typed_lines()
    {
        await using var w = await BotWorld.StartAsync(null);
        var input = new StringReader(string.Join('\n', "oi", "111", "#menu:2via", "/pagar", "/sair"));
        var output = new StringWriter();
        Assert.Equal(0, await InteractiveRun.RunAsync(w, BotWorld.AnaWaId, input, output));
        var text = output.ToString();
        Assert.Contains("Identidade confirmada", text, StringComparison.Ordinal);
        Assert.Contains("[image: pix-qrcode.png image/png", text, StringComparison.Ordinal);
        // The PSP delivers its webhook before PayAsync returns, so the restored-service message is printed after /pagar.
        Assert.Contains("Serviço restabelecido", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_console_mode_ends_cleanly_at_end_of_input_and_handles_hand_off_commands()
    {
        await using var w = await BotWorld.StartAsync(null);
        var output = new StringWriter();
        Assert.Equal(0, await InteractiveRun.RunAsync(w, BotWorld.AnaWaId, new StringReader("oi\natendente\n/atendentes\n/liberar\n/pagar"), output));
        var text = output.ToString();
        Assert.Contains("aguardando uma pessoa: " + BotWorld.AnaWaId, text, StringComparison.Ordinal);
        Assert.Contains("a conversa voltou para o bot", text, StringComparison.Ordinal);
        Assert.Contains("nenhum Pix emitido", text, StringComparison.Ordinal);
    }
}
