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

public sealed class BotArgumentsTests
{
    [Theory]
    [InlineData(new string[0], false, null, false)]
    [InlineData(new[] { "--script" }, false, null, false)]
    [InlineData(new[] { "--console", "--db", "bot.db" }, true, "bot.db", false)]
    [InlineData(new[] { "--memory", "--console" }, true, null, true)]
    public void Valid_command_lines_parse(string[] args, bool console, string? db, bool memory)
    {
        Assert.True(BotArguments.TryParse(args, out var parsed, out var error), error);
        Assert.Equal((console, db, memory), (parsed.Console, parsed.DatabasePath, parsed.InMemory));
    }

    [Theory]
    [InlineData(new[] { "--scrip" }, "Unknown argument '--scrip'")]
    [InlineData(new[] { "--db" }, "--db needs a value")]
    [InlineData(new[] { "--db", "--memory" }, "--db needs a value")]
    [InlineData(new[] { "--from", "12" }, "--from needs a WhatsApp id")]
    [InlineData(new[] { "--memory", "--db", "x.db" }, "exclude each other")]
    public void Bad_command_lines_are_refused_with_the_problem_and_the_usage(string[] args, string expected)
    {
        Assert.False(BotArguments.TryParse(args, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Contains(BotArguments.Usage, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_command_line_exits_with_code_2()
    {
        var program = typeof(BotWorld).Assembly.EntryPoint!;
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        try
        {
            var result = program.Invoke(null, [new[] { "--nope" }]);
            var code = result is Task<int> task ? await task : (int)result!;
            Assert.Equal(2, code);
        }
        finally
        {
            Console.SetError(previous);
        }
        Assert.Contains("Unknown argument '--nope'", error.ToString(), StringComparison.Ordinal);
    }
}
