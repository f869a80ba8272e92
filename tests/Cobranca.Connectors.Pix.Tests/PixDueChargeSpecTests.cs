using System.Text.Json;
using System.Text.Json.Nodes;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Pix.Internal;
using Cobranca.Connectors.Testing.Pix;

namespace Cobranca.Connectors.Pix.Tests;

/// <summary>The cobv examples of the BACEN API Pix spec (bacen/pix-api openapi.yaml), reproduced.</summary>
public sealed class PixDueChargeSpecTests : IAsyncLifetime
{
    private const string SpecKey = "5f84a4c5-c5cb-4599-9f13-7eb4d419dacc";
    private PixPspSandbox _sandbox = null!;
    private PixClient _client = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await PixPspSandbox.StartAsync(new PixPspSandboxOptions { Key = SpecKey });
        _client = new PixClient(TestKit.Options(_sandbox));
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _sandbox.DisposeAsync();
    }

    private static PixDueChargeRequest SpecRequest() => new()
    {
        Key = SpecKey,
        Amount = 123.45m,
        DueDate = new DateOnly(2020, 12, 31),
        ValidityAfterDueDays = 30,
        Debtor = new PixDebtor
        {
            Document = Document.Parse("12345678909"),
            Name = "Francisco da Silva",
            Street = "Alameda Souza, Numero 80, Bairro Braz",
            City = "Recife",
            State = "PE",
            PostalCode = "70011750",
        },
        Fine = new PixFine(PixFineModality.Percentage, 15m),
        Interest = new PixInterest(PixInterestModality.PercentPerDayCalendarDays, 2m),
        Discount = PixDiscount.FixedAmountUntil(new PixDiscountDate(new DateOnly(2020, 11, 30), 30m)),
        PayerMessage = "Cobrança dos serviços prestados.",
    };

    [Fact]
    public async Task Spec_cobv_example_is_sent_with_the_spec_body_shape()
    {
        var txid = PixTxid.ForInvoice("ISP", "2020123");

        var charge = await _client.CreateDueChargeAsync(txid, SpecRequest());

        // The spec's example body, except "loc" (the SDK lets the PSP allocate the location) and modalidade sent as
        // the schema's integers (the example writes them as strings).
        var expected = JsonNode.Parse("""
            {
              "calendario": { "dataDeVencimento": "2020-12-31", "validadeAposVencimento": 30 },
              "devedor": {
                "cpf": "12345678909", "nome": "Francisco da Silva",
                "logradouro": "Alameda Souza, Numero 80, Bairro Braz", "cidade": "Recife", "uf": "PE", "cep": "70011750"
              },
              "valor": {
                "original": "123.45",
                "multa": { "modalidade": 2, "valorPerc": "15.00" },
                "juros": { "modalidade": 2, "valorPerc": "2.00" },
                "desconto": { "modalidade": 1, "descontoDataFixa": [ { "data": "2020-11-30", "valorPerc": "30.00" } ] }
              },
              "chave": "5f84a4c5-c5cb-4599-9f13-7eb4d419dacc",
              "solicitacaoPagador": "Cobrança dos serviços prestados."
            }
            """);
        var sent = JsonNode.Parse(Assert.Single(_sandbox.Requests, r => r.Method == "PUT").Body);
        Assert.True(JsonNode.DeepEquals(expected, sent), sent!.ToJsonString());
        Assert.Equal($"/v2/cobv/{txid}", _sandbox.Requests.Single(r => r.Method == "PUT").Path);

        Assert.True(charge.IsDueCharge);
        Assert.Equal(new DateOnly(2020, 12, 31), charge.DueDate);
        Assert.Equal(30, charge.ValidityAfterDueDays);
        Assert.Equal(new PixFine(PixFineModality.Percentage, 15m), charge.Fine);
        Assert.Equal(new PixInterest(PixInterestModality.PercentPerDayCalendarDays, 2m), charge.Interest);
        Assert.Equal(new PixDiscountDate(new DateOnly(2020, 11, 30), 30m), Assert.Single(charge.Discount!.FixedDates));
        Assert.Equal("Recife", charge.Debtor!.City);
    }

    [Fact]
    public async Task Typical_isp_invoice_two_percent_fine_one_percent_a_month_interest()
    {
        var request = new PixDueChargeRequest
        {
            Key = SpecKey,
            Amount = 99.90m,
            DueDate = new DateOnly(2026, 4, 10),
            Debtor = new PixDebtor { Document = Document.Parse("11.222.333/0001-81"), Name = "Provedor Cliente Ltda" },
            Fine = PixFine.Percentage(2m),
            Interest = PixInterest.PercentPerMonth(1m),
        };

        var charge = await _client.CreateDueChargeAsync(PixTxid.ForInvoice("ISP", "555"), request);

        var sent = JsonNode.Parse(_sandbox.Requests.Single(r => r.Method == "PUT").Body)!;
        Assert.Equal("""{"modalidade":2,"valorPerc":"2.00"}""", sent["valor"]!["multa"]!.ToJsonString());
        Assert.Equal("""{"modalidade":3,"valorPerc":"1.00"}""", sent["valor"]!["juros"]!.ToJsonString());
        Assert.Equal("11222333000181", sent["devedor"]!["cnpj"]!.GetValue<string>());
        Assert.Null(sent["devedor"]!["cpf"]);
        Assert.Null(sent["calendario"]!["validadeAposVencimento"]); // left to the PSP default...
        Assert.Equal(30, charge.ValidityAfterDueDays);               // ...which is 30 days
        Assert.Null(charge.ExpirationSeconds);
    }

    [Fact]
    public async Task Discount_per_day_modality_sends_valorPerc_and_fixed_date_modality_needs_dates()
    {
        var request = SpecRequest();
        var perDay = new PixDueChargeRequest
        {
            Key = request.Key, Amount = request.Amount, DueDate = request.DueDate, Debtor = request.Debtor,
            Discount = new PixDiscount { Modality = PixDiscountModality.AmountPerCalendarDayEarly, Value = 0.5m },
        };
        await _client.CreateDueChargeAsync(PixTxid.ForInvoice("ISP", "556"), perDay);
        var sent = JsonNode.Parse(_sandbox.Requests.Single(r => r.Method == "PUT").Body)!;
        Assert.Equal("""{"modalidade":3,"valorPerc":"0.50"}""", sent["valor"]!["desconto"]!.ToJsonString());

        var noDates = new PixDueChargeRequest
        {
            Key = request.Key, Amount = request.Amount, DueDate = request.DueDate, Debtor = request.Debtor,
            Discount = new PixDiscount { Modality = PixDiscountModality.FixedAmountUntilDates },
        };
        await Assert.ThrowsAsync<ArgumentException>(() => _client.CreateDueChargeAsync(PixTxid.ForInvoice("ISP", "557"), noDates));
    }

    [Fact]
    public void Spec_list_example_with_string_modalidades_is_read()
    {
        // "cobs" item of the spec's GET /cobv example: modalidade is a string there although the schema says integer.
        const string json = """
            {"calendario":{"dataDeVencimento":"2020-12-31","validadeAposVencimento":30},"loc":{"id":789},
             "devedor":{"cpf":"12345678909","nome":"Francisco da Silva"},
             "valor":{"original":"123.45","multa":{"modalidade":"2","valorPerc":"15.00"},"juros":{"modalidade":"2","valorPerc":"2.00"},
                      "desconto":{"modalidade":"1","descontoDataFixa":[{"data":"2020-11-30","valorPerc":"30.00"}]}},
             "chave":"5f84a4c5-c5cb-4599-9f13-7eb4d419dacc","solicitacaoPagador":"Cobrança dos serviços prestados.",
             "status":"ATIVA","txid":"7978c0c97ea847e78e8849634473c1f1","revisao":0,"novoCampo":{"x":1}}
            """;

        var charge = PixMapper.FromDto(JsonSerializer.Deserialize(json, PixJsonContext.Default.CobResponseDto)!, dueCharge: true, "x");

        Assert.Equal(PixFineModality.Percentage, charge.Fine!.Modality);
        Assert.Equal(15m, charge.Fine.Value);
        Assert.Equal(PixInterestModality.PercentPerDayCalendarDays, charge.Interest!.Modality);
        Assert.Equal(PixDiscountModality.FixedAmountUntilDates, charge.Discount!.Modality);
        Assert.Equal(30, charge.ValidityAfterDueDays);
        Assert.Equal(123.45m, charge.Amount);
        Assert.True(charge.AdditionalData.ContainsKey("novoCampo")); // unknown fields are kept, not lost
    }

    [Fact]
    public void Spec_componentesValor_example_adds_up()
    {
        // Spec schema Pix.componentesValor: R$ 100,00, paid 2 days late, multa 3 %, juros 1 % ao dia -> 105,00.
        const string json = """
            {"endToEndId":"E12345678202009091221abcdef12345","txid":"cd1fe328c875481285a6f233ae41b662","valor":"105.00",
             "horario":"2020-09-10T13:03:33.902Z","componentesValor":{"original":{"valor":"100.00"},"multa":{"valor":"3.00"},"juros":{"valor":"2.00"}}}
            """;

        var pix = PixMapper.FromDto(JsonSerializer.Deserialize(json, PixJsonContext.Default.PixDto)!);
        var c = pix.Components!;

        Assert.Equal(105.00m, pix.Amount);
        Assert.Equal((100m, 3m, 2m), (c.Original, c.Fine, c.Interest));
        Assert.Equal(pix.Amount, c.Original + c.Fine + c.Interest - (c.Discount ?? 0) - (c.Abatement ?? 0));
    }

    [Fact]
    public void Unknown_status_and_devolucoes_as_object_are_tolerated()
    {
        const string json = """
            {"endToEndId":"E87654321202009091221dfghi123456","valor":"110.00","horario":"2020-09-09T20:15:00.358Z",
             "devolucoes":{"id":"123ABC","rtrId":"D12345678202009091000abcde123456","valor":"10.00",
                           "horario":{"solicitacao":"2020-09-09T20:15:00.358Z"},"status":"EM_ANALISE_NOVA"}}
            """;

        var pix = PixMapper.FromDto(JsonSerializer.Deserialize(json, PixJsonContext.Default.PixDto)!);

        var refund = Assert.Single(pix.Refunds);
        Assert.Equal("EM_ANALISE_NOVA", refund.Status.Value);
        Assert.False(refund.Status.IsKnown);
        Assert.Null(pix.Txid);
        var status = new PixChargeStatus("ATIVA");
        Assert.True(status == PixChargeStatus.Active && status.IsKnown && !status.IsPaid);
        Assert.False(new PixChargeStatus("SUSPENSA").IsKnown);
        Assert.Equal(string.Empty, default(PixChargeStatus).Value);
    }
}

/// <summary>Paying a cobv late or early at the sandbox PSP: what the PSP charges flows into PixPayment and PaymentReceived.</summary>
public sealed class PixDueChargePaymentTests : IAsyncLifetime
{
    private PixPspSandbox _psp = null!;
    private PixClient _client = null!;

    public async Task InitializeAsync()
    {
        _psp = await PixPspSandbox.StartAsync();
        _client = new PixClient(TestKit.Options(_psp));
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _psp.DisposeAsync();
    }

    private async Task<string> CobvAsync(string invoice, decimal amount, DateOnly due, PixFine? fine = null, PixInterest? interest = null,
        PixDiscount? discount = null, int? validity = null)
    {
        var txid = PixTxid.ForInvoice("DUE", invoice);
        await _client.CreateDueChargeAsync(txid, new PixDueChargeRequest
        {
            Key = _psp.Key, Amount = amount, DueDate = due, Debtor = TestKit.Debtor(), Fine = fine, Interest = interest,
            Discount = discount, ValidityAfterDueDays = validity,
        });
        return txid;
    }

    private static DateTimeOffset NoonInSaoPaulo(int year, int month, int day) => new(year, month, day, 12, 0, 0, TimeSpan.FromHours(-3));

    [Fact]
    public async Task Spec_worked_example_two_days_late_three_percent_fine_one_percent_a_day()
    {
        // Spec schema Pix.componentesValor: R$ 100,00, 2 days late, multa 3 %, juros 1 % ao dia -> 105,00.
        var txid = await CobvAsync("1", 100m, new DateOnly(2026, 3, 10), new PixFine(PixFineModality.Percentage, 3m),
            new PixInterest(PixInterestModality.PercentPerDayCalendarDays, 1m));

        var paid = await _psp.PayAsync(txid, paidAt: NoonInSaoPaulo(2026, 3, 12));
        var pix = await _client.GetPaymentAsync(paid.EndToEndId);

        Assert.Equal(105.00m, pix.Amount);
        Assert.Equal((100m, 3m, 2m), (pix.Components!.Original, pix.Components.Fine, pix.Components.Interest));
    }

    [Fact]
    public async Task Isp_invoice_ten_days_late_two_percent_fine_one_percent_a_month_reaches_PaymentReceived()
    {
        // 99.90, 10 calendar days late, multa 2 %, juros 1 % a.m. pro rata die: 2.00 + 0.33 = 102.23.
        var txid = await CobvAsync("2", 99.90m, new DateOnly(2026, 4, 10), PixFine.Percentage(2m), PixInterest.PercentPerMonth(1m));
        var paid = await _psp.PayAsync(txid, notify: false, paidAt: NoonInSaoPaulo(2026, 4, 20));
        PaymentReceived? evt = null;
        var handler = new PixWebhookHandler(_client, (e, _) => { evt = e; return Task.CompletedTask; }, new PixPaymentOptions { TxidPrefix = "DUE" });

        await handler.HandleCallbackAsync($$"""{"pix":[{"endToEndId":"{{paid.EndToEndId}}"}]}""");

        Assert.Equal(102.23m, paid.Amount);
        Assert.Equal(102.23m, evt!.Amount);
        Assert.Equal("2", evt.InvoiceId);
    }

    [Fact]
    public async Task Paid_on_the_due_date_is_the_original_amount_and_early_gets_the_dated_discount()
    {
        var onTime = await CobvAsync("3", 80m, new DateOnly(2026, 5, 10), PixFine.Percentage(2m), PixInterest.PercentPerMonth(1m));
        var early = await CobvAsync("4", 80m, new DateOnly(2026, 5, 10),
            discount: PixDiscount.FixedAmountUntil(new PixDiscountDate(new DateOnly(2026, 5, 5), 5m), new PixDiscountDate(new DateOnly(2026, 5, 8), 2m)));

        Assert.Equal(80m, (await _psp.PayAsync(onTime, paidAt: NoonInSaoPaulo(2026, 5, 10))).Amount);
        var paidEarly = await _psp.PayAsync(early, paidAt: NoonInSaoPaulo(2026, 5, 6));
        Assert.Equal(78m, paidEarly.Amount); // the 2026-05-08 step applies
        Assert.Equal(2m, (await _client.GetPaymentAsync(paidEarly.EndToEndId)).Components!.Discount);
    }

    [Fact]
    public async Task Cannot_be_paid_after_the_validity_window()
    {
        var txid = await CobvAsync("5", 50m, new DateOnly(2026, 6, 1), validity: 5);

        await Assert.ThrowsAsync<InvalidOperationException>(() => _psp.PayAsync(txid, paidAt: NoonInSaoPaulo(2026, 6, 7)));
        Assert.Equal(50m, (await _psp.PayAsync(txid, paidAt: NoonInSaoPaulo(2026, 6, 6))).Amount); // last valid day, no fine set
    }
}
