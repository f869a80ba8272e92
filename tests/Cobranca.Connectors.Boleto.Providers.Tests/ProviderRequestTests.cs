using System.Text;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Boleto;
using Cobranca.Connectors.Boleto.Providers;
using Cobranca.Connectors.Testing.Boleto;

namespace Cobranca.Connectors.Boleto.Providers.Tests;

/// <summary>Per bank, against the sandbox: the exact token request, paths and bodies, and what comes back mapped.</summary>
public sealed class ProviderRequestTests
{
    [Fact]
    public async Task Inter_token_is_form_credentials_with_boleto_scopes_and_create_is_asynchronous()
    {
        await using var ctx = await BankTestContext.StartAsync();
        var client = ctx.Client("inter");
        var created = await client.RegisterAsync(BankTestContext.Request() .WithReference("0000000101"));

        Assert.Equal(BoletoStatus.Processing, created.Status);
        Assert.Null(created.Barcode);
        var token = Assert.Single(ctx.Calls("inter", "POST", "/oauth/v2/token"));
        Assert.Null(token.AuthorizationScheme); // form credentials, no Basic
        var create = Assert.Single(ctx.Calls("inter", "POST", "/cobranca/v3/cobrancas"));
        Assert.Equal("Bearer", create.AuthorizationScheme);
        var body = BankTestContext.Body(create);
        Assert.Equal("0000000101", (string?)body["seuNumero"]);
        Assert.Equal(129.90m, (decimal)body["valorNominal"]!);
        Assert.Equal("2026-03-20", (string?)body["dataVencimento"]);
        Assert.Equal(30, (int)body["numDiasAgenda"]!);
        Assert.Equal("52998224725", (string?)body["pagador"]!["cpfCnpj"]);
        Assert.Equal("FISICA", (string?)body["pagador"]!["tipoPessoa"]);
        Assert.Equal("01001000", (string?)body["pagador"]!["cep"]);
        Assert.Equal("PERCENTUAL", (string?)body["multa"]!["codigo"]);
        Assert.Equal(2m, (decimal)body["multa"]!["taxa"]!);
        Assert.Equal("TAXAMENSAL", (string?)body["mora"]!["codigo"]);
        Assert.Equal(1m, (decimal)body["mora"]!["taxa"]!);

        var read = await client.GetAsync(created.ProviderId);
        Assert.Equal(BoletoStatus.Pending, read.Status);
        Assert.Equal("A_RECEBER", read.ProviderStatus);
        Assert.Equal("0000000101", read.Reference);
        Assert.True(BoletoCode.TryParse(read.LinhaDigitavel, ctx.Today, out var code));
        Assert.Equal(read.Barcode, code.Barcode);
        Assert.Equal(129.90m, code.Amount);
        Assert.StartsWith("000201", read.PixCopiaECola, StringComparison.Ordinal);
        Assert.NotNull(read.PixTxid);
        Assert.Single(ctx.Calls("inter", "GET", "/cobranca/v3/cobrancas/" + created.ProviderId));
    }

    [Fact]
    public async Task Inter_registration_stays_processing_until_the_bank_registers_it()
    {
        await using var ctx = await BankTestContext.StartAsync(t => new BoletoBankSandboxOptions { TimeProvider = t, InterRegistrationDelay = TimeSpan.FromMinutes(2) });
        var client = ctx.Client("inter");
        var created = await client.RegisterAsync(BankTestContext.Request().WithReference("0000000102"));
        Assert.Equal(BoletoStatus.Processing, (await client.GetAsync(created.ProviderId)).Status);
        Assert.Throws<InvalidOperationException>(() => { ctx.Sandbox.PayAsync("inter", created.ProviderId).GetAwaiter().GetResult(); });
        ctx.Time.Advance(TimeSpan.FromMinutes(3));
        var registered = await client.GetAsync(created.ProviderId);
        Assert.Equal(BoletoStatus.Pending, registered.Status);
        Assert.NotNull(registered.LinhaDigitavel);
    }

    [Fact]
    public async Task Inter_cancel_pdf_list_and_paid_listing()
    {
        await using var ctx = await BankTestContext.StartAsync();
        var client = ctx.Client("inter");
        var a = await client.RegisterAsync(BankTestContext.Request().WithReference("0000000201"));
        var b = await client.RegisterAsync(BankTestContext.Request(amount: 50m).WithReference("0000000202"));
        await client.GetAsync(a.ProviderId);

        await client.CancelAsync(a.ProviderId, BoletoCancelReason.Renegotiated);
        var cancel = Assert.Single(ctx.Calls("inter", "POST", "/cancelar"));
        Assert.Equal("ACERTOS", (string?)BankTestContext.Body(cancel)["motivoCancelamento"]);
        Assert.Equal(BoletoStatus.Cancelled, (await client.GetAsync(a.ProviderId)).Status);

        var pdf = await client.GetPdfAsync(b.ProviderId);
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(pdf), StringComparison.Ordinal);

        await ctx.Sandbox.PayAsync("inter", b.ProviderId, viaPix: true, notify: false);
        var paid = await ToListAsync(client.ListPaidAsync(ctx.Today));
        var only = Assert.Single(paid);
        Assert.Equal(b.ProviderId, only.ProviderId);
        Assert.Equal(50m, only.AmountPaid);
        Assert.Equal(BoletoPaymentChannel.Pix, only.PaidVia);
        Assert.Contains(ctx.Calls("inter", "GET"), r => r.Path.Contains("filtrarDataPor=PAGAMENTO", StringComparison.Ordinal) && r.Path.Contains("situacao=RECEBIDO", StringComparison.Ordinal));

        var all = await ToListAsync(client.ListAsync(new BoletoQuery { From = new DateOnly(2026, 3, 1), To = new DateOnly(2026, 3, 31), PageSize = 1 }));
        Assert.Equal(2, all.Count); // two pages of one
    }

    [Fact]
    public async Task Sicoob_authenticates_by_client_id_only_and_sends_it_as_a_header()
    {
        await using var ctx = await BankTestContext.StartAsync();
        var client = ctx.Client("sicoob");
        var created = await client.RegisterAsync(BankTestContext.Request().WithReference("0000000301"));

        Assert.Equal(BoletoStatus.Pending, created.Status);
        Assert.Equal("301", created.ProviderId);
        Assert.NotNull(created.PixCopiaECola);
        Assert.True(BoletoCode.TryParse(created.Barcode, ctx.Today, out var code) && code.BankCode == "756");
        var token = Assert.Single(ctx.Calls("sicoob", "POST", "openid-connect/token"));
        Assert.Null(token.AuthorizationScheme);
        var create = Assert.Single(ctx.Calls("sicoob", "POST", "/cobranca-bancaria/v3/boletos"));
        Assert.Equal(ctx.Sandbox.ClientId, create.ClientIdHeader);
        var body = BankTestContext.Body(create);
        Assert.Equal(ctx.Sandbox.Options.SicoobClientNumber, (long)body["numeroCliente"]!);
        Assert.Equal(301, (long)body["nossoNumero"]!);
        Assert.Equal("0000000301", (string?)body["seuNumero"]);
        Assert.Equal(1, (int)body["codigoCadastrarPIX"]!);
        Assert.Equal(2, (int)body["tipoMulta"]!);
        Assert.Equal("2026-03-21", (string?)body["dataMulta"]);
        Assert.Equal(2, (int)body["tipoJurosMora"]!);
        Assert.Equal("2026-04-19", (string?)body["dataLimitePagamento"]);

        var read = await client.GetAsync("301");
        Assert.Equal("Em Aberto", read.ProviderStatus);
        Assert.Contains(ctx.Calls("sicoob", "GET"), r => r.Path == $"/cobranca-bancaria/v3/boletos?numeroCliente={ctx.Sandbox.Options.SicoobClientNumber}&codigoModalidade=1&nossoNumero=301");

        // Sicoob refuses the nosso número twice: the client adopts the existing boleto.
        var again = await client.RegisterAsync(BankTestContext.Request().WithReference("0000000301"));
        Assert.Equal("301", again.ProviderId);
        Assert.Equal(1, ctx.Sandbox.CountByReference("sicoob", "0000000301"));

        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(await client.GetPdfAsync("301")), StringComparison.Ordinal);
        await client.CancelAsync("301", BoletoCancelReason.Requested);
        Assert.Equal(BoletoStatus.Cancelled, (await client.GetAsync("301")).Status);
        Assert.Null(await client.FindByReferenceAsync("999", ctx.Today));
    }

    [Fact]
    public async Task Sicoob_without_pix_asks_for_a_plain_boleto()
    {
        await using var ctx = await BankTestContext.StartAsync();
        var created = await ctx.Client("sicoob").RegisterAsync(BankTestContext.Request(withPix: false).WithReference("0000000302"));
        Assert.Null(created.PixCopiaECola);
        Assert.Equal(2, (int)BankTestContext.Body(ctx.Calls("sicoob", "POST", "/boletos")[0])["codigoCadastrarPIX"]!);
    }

    [Fact]
    public async Task BancoDoBrasil_uses_basic_auth_app_key_and_our_numero_titulo_cliente()
    {
        await using var ctx = await BankTestContext.StartAsync();
        var client = ctx.Client("bb");
        var created = await client.RegisterAsync(BankTestContext.Request().WithReference("0000000401"));

        Assert.Equal("00031285570000000401", created.ProviderId);
        Assert.Equal(BoletoStatus.Pending, created.Status);
        Assert.NotNull(created.PixCopiaECola);
        Assert.True(BoletoCode.TryParse(created.LinhaDigitavel, ctx.Today, out var code) && code.BankCode == "001");
        Assert.Equal("Basic", Assert.Single(ctx.Calls("bb", "POST", "/oauth/token")).AuthorizationScheme);
        var create = Assert.Single(ctx.Calls("bb", "POST", "/cobrancas/v2/boletos"));
        Assert.Contains("gw-dev-app-key=sandbox-app-key", create.Path, StringComparison.Ordinal);
        var body = BankTestContext.Body(create);
        Assert.Equal("00031285570000000401", (string?)body["numeroTituloCliente"]);
        Assert.Equal(3128557, (long)body["numeroConvenio"]!);
        Assert.Equal("20.03.2026", (string?)body["dataVencimento"]);
        Assert.Equal("S", (string?)body["indicadorPix"]);
        Assert.Equal(1, (int)body["pagador"]!["tipoInscricao"]!);
        Assert.Equal(52998224725, (long)body["pagador"]!["numeroInscricao"]!);
        Assert.Equal(2m, (decimal)body["multa"]!["porcentagem"]!);
        Assert.Equal("21.03.2026", (string?)body["multa"]!["data"]);

        // The duplicate rule: BB refuses the same numeroTituloCliente ("já incluído"), the client adopts the first one.
        var again = await client.RegisterAsync(BankTestContext.Request().WithReference("0000000401"));
        Assert.Equal(created.ProviderId, again.ProviderId);
        Assert.Equal(created.LinhaDigitavel, again.LinhaDigitavel);
        Assert.Equal(1, ctx.Sandbox.CountByReference("bb", "0000000401"));
        Assert.Contains(ctx.Calls("bb", "POST", "/boletos"), r => r.StatusCode == 400);

        await ctx.Sandbox.PayAsync("bb", created.ProviderId, notify: false);
        var paid = Assert.Single(await ToListAsync(client.ListPaidAsync(ctx.Today)));
        Assert.Equal(BoletoStatus.Paid, paid.Status);
        Assert.Equal(129.90m, paid.AmountPaid);
        Assert.Contains(ctx.Calls("bb", "GET"), r => r.Path.Contains("indicadorSituacao=B", StringComparison.Ordinal) && r.Path.Contains("dataInicioMovimento=10.03.2026", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BancoDoBrasil_cancel_posts_baixar_with_the_convenio()
    {
        await using var ctx = await BankTestContext.StartAsync();
        var client = ctx.Client("bb");
        var created = await client.RegisterAsync(BankTestContext.Request().WithReference("0000000402"));
        await client.CancelAsync(created.ProviderId, BoletoCancelReason.Requested);
        var call = Assert.Single(ctx.Calls("bb", "POST", "/baixar"));
        Assert.Equal(3128557, (long)BankTestContext.Body(call)["numeroConvenio"]!);
        Assert.Equal(BoletoStatus.Cancelled, (await client.GetAsync(created.ProviderId)).Status);
        await Assert.ThrowsAsync<NotSupportedException>(() => client.GetPdfAsync(created.ProviderId));
    }

    [Fact]
    public async Task Efi_authorizes_with_basic_json_and_sends_centavos()
    {
        await using var ctx = await BankTestContext.StartAsync();
        var client = ctx.Client("efi");
        var created = await client.RegisterAsync(BankTestContext.Request().WithReference("0000000501"));

        Assert.Equal(BoletoStatus.Pending, created.Status);
        Assert.Equal("0000000501", created.Reference);
        Assert.Equal(129.90m, created.Amount);
        Assert.NotNull(created.PixCopiaECola);
        Assert.NotNull(created.PdfUrl);
        Assert.True(BoletoCode.TryParse(created.LinhaDigitavel, ctx.Today, out _));
        Assert.Equal("Basic", Assert.Single(ctx.Calls("efi", "POST", "/v1/authorize")).AuthorizationScheme);
        var body = BankTestContext.Body(Assert.Single(ctx.Calls("efi", "POST", "/v1/charge/one-step")));
        Assert.Equal(12990, (long)body["items"]![0]!["value"]!);
        Assert.Equal("0000000501", (string?)body["metadata"]!["custom_id"]);
        var billet = body["payment"]!["banking_billet"]!;
        Assert.Equal("2026-03-20", (string?)billet["expire_at"]);
        Assert.Equal("52998224725", (string?)billet["customer"]!["cpf"]);
        Assert.Equal(200, (int)billet["configurations"]!["fine"]!);
        Assert.Equal(33, (int)billet["configurations"]!["interest"]!);

        var found = await client.FindByReferenceAsync("0000000501", ctx.Today);
        Assert.Equal(created.ProviderId, found?.ProviderId);
        await client.CancelAsync(created.ProviderId, BoletoCancelReason.Requested);
        Assert.Equal(BoletoStatus.Cancelled, (await client.GetAsync(created.ProviderId)).Status);
        Assert.Single(ctx.Calls("efi", "PUT", $"/v1/charge/{created.ProviderId}/cancel"));
    }

    [Theory]
    [InlineData("inter")]
    [InlineData("sicoob")]
    [InlineData("bb")]
    [InlineData("efi")]
    public async Task A_token_is_reused_until_it_expires_then_renewed(string bank)
    {
        await using var ctx = await BankTestContext.StartAsync();
        var client = ctx.Client(bank);
        var created = await client.RegisterAsync(BankTestContext.Request().WithReference("0000000601"));
        await client.GetAsync(created.ProviderId);
        Assert.Equal(1, client.TokensRequested);
        ctx.Time.Advance(TimeSpan.FromMinutes(61));
        await client.GetAsync(created.ProviderId);
        Assert.Equal(2, client.TokensRequested);
    }

    [Theory]
    [InlineData("inter")]
    [InlineData("bb")]
    public async Task A_revoked_token_is_renewed_once(string bank)
    {
        await using var ctx = await BankTestContext.StartAsync();
        var client = ctx.Client(bank);
        var created = await client.RegisterAsync(BankTestContext.Request().WithReference("0000000602"));
        ctx.Sandbox.RevokeTokens();
        await client.GetAsync(created.ProviderId);
        Assert.Equal(2, client.TokensRequested);
    }

    [Fact]
    public async Task A_wrong_secret_is_an_authentication_error_and_bad_input_a_validation_error()
    {
        await using var ctx = await BankTestContext.StartAsync();
        var wrong = ctx.Client("inter", o => o.ClientSecret = "nope");
        await Assert.ThrowsAsync<ConnectorAuthenticationException>(() => wrong.RegisterAsync(BankTestContext.Request().WithReference("1")));
        var efi = ctx.Client("efi");
        var bad = BankTestContext.Request();
        var noName = new BoletoRequest { Reference = "2", Amount = 10m, DueDate = bad.DueDate, Payer = new BoletoPayer { Name = "x", Document = bad.Payer.Document } };
        var created = await efi.RegisterAsync(noName); // Efí accepts a minimal payer
        Assert.Equal(BoletoStatus.Pending, created.Status);
        await Assert.ThrowsAsync<ConnectorNotFoundException>(() => efi.GetAsync("424242"));
        await Assert.ThrowsAsync<ArgumentException>(() => efi.RegisterAsync(new BoletoRequest { Reference = "abc", Amount = 0m, DueDate = bad.DueDate, Payer = bad.Payer }));
    }

    [Fact]
    public void Options_list_every_problem_without_secrets()
    {
        var ex = Assert.Throws<ArgumentException>(() => new BoletoBankClient(new BoletoBankClientOptions { Bank = BoletoBank.BancoDoBrasil, ClientSecret = "s3cr3t" }));
        Assert.Contains("ClientId", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Convenio", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ApplicationKey", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Bank is required", Assert.Throws<ArgumentException>(() => new BoletoBankClient(new BoletoBankClientOptions())).Message, StringComparison.Ordinal);
        Assert.Contains("ClientNumber", Assert.Throws<ArgumentException>(() => new BoletoBankClient(new BoletoBankClientOptions { Bank = BoletoBank.Sicoob, ClientId = "x" })).Message, StringComparison.Ordinal);
        Assert.Empty(new BoletoBankClientOptions { Bank = BoletoBank.Inter, ClientId = "id", ClientSecret = "s" }.Validate());
        Assert.DoesNotContain("s3cr3t", new BoletoBankClientOptions { Bank = BoletoBank.Inter, ClientId = "id", ClientSecret = "s3cr3t" }.ToString(), StringComparison.Ordinal);
    }

    internal static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source) list.Add(item);
        return list;
    }
}
