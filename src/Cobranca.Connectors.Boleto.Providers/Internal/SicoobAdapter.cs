using System.Globalization;
using System.Text.Json.Nodes;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Boleto.Providers.Internal;

/// <summary>
/// Sicoob, API Cobrança Bancária v3 (<c>/cobranca-bancaria/v3/boletos</c>). The client assigns the nosso número (the
/// reference), so a lost answer is resolved with <c>GET /boletos?nossoNumero=</c>; whether Sicoob refuses a repeated
/// nosso número is not public [unsure]: a refusal that reads like a duplicate adopts the existing boleto. Response
/// field and status names beyond nossoNumero/linhaDigitavel/codigoBarras/qrCode/pdfBoleto are [unsure] and read
/// tolerantly. No date listing (the "movimentação" file API is asynchronous and not implemented): the daily
/// reconciliation re-queries the open boletos instead.
/// </summary>
internal sealed class SicoobAdapter(BoletoTransport transport, BoletoBankClientOptions options, TimeProvider time)
    : BankAdapter(transport, options, time)
{
    public override BoletoCapabilities Capabilities =>
        BoletoCapabilities.HybridPix | BoletoCapabilities.ClientAssignsNossoNumero | BoletoCapabilities.RejectsDuplicateReference
        | BoletoCapabilities.Cancel | BoletoCapabilities.ServerPdf | BoletoCapabilities.Webhook;

    private string Keys => string.Create(CultureInfo.InvariantCulture, $"numeroCliente={Options.ClientNumber}&codigoModalidade={Options.Modality}");

    public override async Task<BoletoRecord> RegisterAsync(BoletoRequest request, CancellationToken cancellationToken)
    {
        JsonNode? reply = null;
        ConnectorValidationException? duplicate = null;
        try
        {
            reply = await Transport.SendAsync(HttpMethod.Post, "boletos", Body(request), retryable: false, "boleto.create", cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorValidationException ex) when (IsDuplicate(ex))
        {
            duplicate = ex;
        }

        if (duplicate is not null)
        {
            // The bank says this reference exists: adopt that boleto (or report the refusal when it cannot be found).
            var existing = await FindByReferenceAsync(request.Reference, request.IssueDate ?? Today(), cancellationToken).ConfigureAwait(false);
            if (existing is null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(duplicate);
            return existing;
        }

        return Map(Json.Get(reply, "resultado") ?? reply, request.Reference);
    }

    public override async Task<BoletoRecord> GetAsync(string providerId, CancellationToken cancellationToken)
    {
        var reply = await Transport.SendAsync(HttpMethod.Get, $"boletos?{Keys}&nossoNumero={Escape(providerId)}", null, retryable: true, "boleto.get", cancellationToken).ConfigureAwait(false);
        var node = Json.Get(reply, "resultado") ?? reply;
        if (node is null || Json.Text(node, "nossoNumero") is null)
            throw new ConnectorNotFoundException(Provider, "boleto.get", $"{Provider} has no boleto with that nosso número.", 404, null, null);
        return Map(node, providerId);
    }

    public override async Task<BoletoRecord?> FindByReferenceAsync(string reference, DateOnly issuedOn, CancellationToken cancellationToken)
    {
        try
        {
            // The nosso número is the reference as a number (no leading zeros).
            return await GetAsync(long.Parse(reference, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorNotFoundException)
        {
            return null;
        }
    }

    public override Task CancelAsync(string providerId, BoletoCancelReason reason, CancellationToken cancellationToken) =>
        Transport.SendAsync(HttpMethod.Post, $"boletos/{Escape(providerId)}/baixar",
            new JsonObject { ["numeroCliente"] = Options.ClientNumber, ["codigoModalidade"] = Options.Modality },
            retryable: true, "boleto.cancel", cancellationToken);

    public override async Task<byte[]> GetPdfAsync(string providerId, CancellationToken cancellationToken)
    {
        var reply = await Transport.SendAsync(HttpMethod.Get, $"boletos/segunda-via?{Keys}&nossoNumero={Escape(providerId)}&gerarPdf=true", null,
            retryable: true, "boleto.pdf", cancellationToken).ConfigureAwait(false);
        var base64 = Json.Text(Json.Get(reply, "resultado") ?? reply, "pdfBoleto")
            ?? throw new ConnectorTransportException(Provider, "boleto.pdf", $"{Provider} segunda-via reply has no pdfBoleto.");
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException ex)
        {
            throw new ConnectorTransportException(Provider, "boleto.pdf", $"{Provider} pdfBoleto is not base64.", ex);
        }
    }

    // The webhook payload is not public [unsure]: any nossoNumero found in the body is a hint.
    public override Task<IReadOnlyList<string>> ReadWebhookHintsAsync(string body, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(Collect(TryParse(body), "nossoNumero"));

    private BoletoRecord Map(JsonNode? node, string? knownId)
    {
        var situacao = Json.Text(node, "situacaoBoleto", "situacao");
        var due = Json.Date(node, "dataVencimento");
        var (barcode, linha) = Codes(Json.Text(node, "codigoBarras"), Json.Text(node, "linhaDigitavel"));
        var s = (situacao ?? string.Empty).ToUpperInvariant();
        var status = s switch
        {
            "" => OpenStatus(due), // a create reply carries no status: registered and open
            _ when s.Contains("LIQUID", StringComparison.Ordinal) || s.Contains("PAGO", StringComparison.Ordinal) => BoletoStatus.Paid,
            _ when s.Contains("DECURSO", StringComparison.Ordinal) || s.Contains("PRAZO", StringComparison.Ordinal) => BoletoStatus.Expired,
            _ when s.Contains("BAIX", StringComparison.Ordinal) || s.Contains("CANCEL", StringComparison.Ordinal) => BoletoStatus.Cancelled,
            _ when s.Contains("REJEIT", StringComparison.Ordinal) => BoletoStatus.Failed,
            _ when s.Contains("VENCID", StringComparison.Ordinal) => BoletoStatus.Overdue,
            _ when s.Contains("ABERTO", StringComparison.Ordinal) || s.Contains("REGISTRAD", StringComparison.Ordinal) => OpenStatus(due),
            _ => BoletoStatus.Unknown,
        };
        var paid = status == BoletoStatus.Paid;
        var nossoNumero = Json.Text(node, "nossoNumero");
        return new BoletoRecord
        {
            ProviderId = nossoNumero ?? knownId ?? string.Empty,
            Reference = Json.Text(node, "seuNumero") ?? nossoNumero ?? knownId,
            Status = status,
            ProviderStatus = situacao,
            Amount = Json.Decimal(node, "valor") ?? 0m,
            DueDate = due,
            IssueDate = Json.Date(node, "dataEmissao"),
            NossoNumero = nossoNumero,
            Barcode = barcode,
            LinhaDigitavel = linha,
            PixCopiaECola = Json.Text(node, "qrCode"),
            PixTxid = Json.Text(node, "txid", "identificadorPix"),
            AmountPaid = paid ? Json.Decimal(node, "valorPago", "valorLiquidado", "valorRecebido") : null,
            PaidAt = paid ? Json.Timestamp(node, Zone, "dataHoraLiquidacao", "dataLiquidacao", "dataPagamento") : null,
        };
    }

    private JsonObject Body(BoletoRequest r)
    {
        var payer = r.Payer;
        var body = new JsonObject
        {
            ["numeroCliente"] = Options.ClientNumber,
            ["codigoModalidade"] = Options.Modality,
            ["codigoEspecieDocumento"] = "DM",
            ["dataEmissao"] = Iso(r.IssueDate ?? Today()),
            ["nossoNumero"] = long.Parse(r.Reference, CultureInfo.InvariantCulture),
            ["seuNumero"] = r.Reference,
            ["identificacaoBoletoEmpresa"] = r.Reference,
            ["identificacaoEmissaoBoleto"] = 2,
            ["identificacaoDistribuicaoBoleto"] = 2,
            ["valor"] = r.Amount,
            ["dataVencimento"] = Iso(r.DueDate),
            ["dataLimitePagamento"] = Iso(r.DueDate.AddDays(r.DaysPayableAfterDue)),
            ["tipoDesconto"] = 0,
            ["tipoMulta"] = 0,
            ["tipoJurosMora"] = 3,
            ["numeroParcela"] = 1,
            ["aceite"] = true,
            ["codigoNegativacao"] = 3,
            ["codigoProtesto"] = 3,
            ["pagador"] = new JsonObject
            {
                ["numeroCpfCnpj"] = payer.Document.Value,
                ["nome"] = payer.Name,
                ["endereco"] = string.IsNullOrEmpty(payer.Number) ? payer.Street : $"{payer.Street}, {payer.Number}",
                ["bairro"] = payer.District,
                ["cidade"] = payer.City,
                ["cep"] = Json.Digits(payer.ZipCode),
                ["uf"] = payer.State,
                ["email"] = payer.Email ?? string.Empty,
            },
            ["codigoCadastrarPIX"] = r.WithPix ? 1 : 2,
            ["gerarPdf"] = false,
        };
        if (Options.AccountNumber is { } account && long.TryParse(Json.Digits(account), NumberStyles.None, CultureInfo.InvariantCulture, out var conta))
            body["numeroContaCorrente"] = conta;
        if (r.LateFees is { } fees)
        {
            var from = Iso(r.DueDate.AddDays(1));
            if (fees.FinePercent > 0)
            {
                body["tipoMulta"] = 2;
                body["dataMulta"] = from;
                body["valorMulta"] = fees.FinePercent;
            }

            if (fees.InterestPercent > 0)
            {
                body["tipoJurosMora"] = 2;
                body["dataJurosMora"] = from;
                body["valorJurosMora"] = MonthlyInterest(fees);
            }
        }

        if (r.Discount is { } d)
        {
            body["tipoDesconto"] = d.Percent is not null ? 2 : 1;
            body["dataPrimeiroDesconto"] = Iso(d.Until);
            body["valorPrimeiroDesconto"] = d.Percent ?? d.Amount;
        }

        if (r.Messages.Count > 0) body["mensagensInstrucao"] = new JsonArray([.. r.Messages.Take(5).Select(m => (JsonNode?)JsonValue.Create(m.Length > 40 ? m[..40] : m))]);
        return body;
    }
}
