namespace Cobranca.Connectors.WhatsApp.Tests;

public sealed class TemplateRulesTests
{
    private static readonly WhatsAppUser To = WhatsAppUser.FromPhone("(11) 98765-4321");

    private static IReadOnlyList<string> Check(params WhatsAppTemplateParameter[] body) =>
        new WhatsAppTemplateMessage { To = To, Name = "fatura", BodyParameters = body }.Validate();

    [Fact]
    public void Valid_parameters_pass() =>
        Assert.Empty(Check(WhatsAppTemplateParameter.Text("Maria"), WhatsAppTemplateParameter.Currency(99.9m), WhatsAppTemplateParameter.Date(new DateOnly(2026, 1, 2))));

    [Theory]
    [InlineData("linha\nnova")]
    [InlineData("tab\taqui")]
    [InlineData("cinco     espaços")]
    [InlineData("")]
    [InlineData("   ")]
    public void Text_that_breaks_the_whitespace_rules_is_refused(string value) => Assert.NotEmpty(Check(WhatsAppTemplateParameter.Text(value)));

    [Fact]
    public void Other_rules()
    {
        Assert.NotEmpty(Check(WhatsAppTemplateParameter.Currency(1.2345m)));                      // more than three decimals
        Assert.NotEmpty(Check(WhatsAppTemplateParameter.Currency(1m, "real")));                   // not an ISO code
        Assert.NotEmpty(Check(WhatsAppTemplateParameter.Text("a", "nome"), WhatsAppTemplateParameter.Text("b"))); // mixed named/positional
        Assert.NotEmpty(Check(WhatsAppTemplateParameter.Text("a", "Nome")));                      // names are lower case
        Assert.NotEmpty(Check(WhatsAppTemplateParameter.Text(new string('x', 1025))));
        Assert.NotEmpty(Check(WhatsAppTemplateParameter.Image(new Uri("https://x.example/a.png")))); // media only in the header
        Assert.NotEmpty(new WhatsAppTemplateMessage { To = To, Name = "Fatura Vencimento" }.Validate());
        Assert.NotEmpty(new WhatsAppTemplateMessage { To = To, Name = "f", LanguageCode = "portugues" }.Validate());
        Assert.NotEmpty(new WhatsAppTemplateMessage
        {
            To = To, Name = "f", HeaderParameters = [WhatsAppTemplateParameter.Text(new string('x', 61))],
        }.Validate());
        Assert.NotEmpty(new WhatsAppTemplateMessage
        {
            To = To, Name = "f", Buttons = [WhatsAppTemplateButton.QuickReply(0, "a"), WhatsAppTemplateButton.QuickReply(0, "b")],
        }.Validate());
    }

    [Fact]
    public async Task A_template_that_breaks_the_rules_is_refused_before_any_call()
    {
        await using var host = await WhatsAppTestHost.StartAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => host.Client.SendAsync(new WhatsAppTemplateMessage
        {
            To = To, Name = "servico_restabelecido", BodyParameters = [WhatsAppTemplateParameter.Text("Rua A\nApto 2")],
        }));

        Assert.Contains("new line", error.Message, StringComparison.Ordinal);
        Assert.Empty(host.Sandbox.Requests);
    }

    [Theory]
    [InlineData("  Maria\r\n da   Silva\t ", "Maria da Silva")]
    [InlineData("a     b", "a b")]
    [InlineData(null, "")]
    public void Sanitize_folds_whitespace(string? raw, string expected) => Assert.Equal(expected, WhatsAppTemplateParameter.Sanitize(raw));

    [Fact]
    public void Sanitize_truncates_with_an_ellipsis()
    {
        var s = WhatsAppTemplateParameter.Sanitize(new string('x', 100), 10);
        Assert.Equal(10, s.Length);
        Assert.EndsWith("…", s, StringComparison.Ordinal);
        Assert.Empty(Check(WhatsAppTemplateParameter.Text(WhatsAppTemplateParameter.Sanitize("Rua A\nApto 2     fundos"))));
    }

    [Fact]
    public void Parameters_do_not_print_their_values()
    {
        Assert.DoesNotContain("Maria", WhatsAppTemplateParameter.Text("Maria", "nome").ToString(), StringComparison.Ordinal);
    }
}
