using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Boleto.Providers.Internal;

/// <summary>
/// Banco Inter, API Cobrança v3 (<c>/cobranca/v3/cobrancas</c>). Registration is asynchronous: the create answers only
/// <c>codigoSolicitacao</c>; barcode, linha and Pix come with a later GET. Whether <c>seuNumero</c> must be unique is
/// not public [unsure]: a refusal that reads like a duplicate adopts the existing boleto, and a lost answer is resolved
/// by listing the day's emissions and matching <c>seuNumero</c>.
/// </summary>
internal sealed class InterAdapter(BoletoTransport transport, BoletoBankClientOptions options, TimeProvider time)
    : BankAdapter(transport, options, time)
{
    public override BoletoCapabilities Capabilities =>
        BoletoCapabilities.HybridPix | BoletoCapabilities.AsyncRegistration | BoletoCapabilities.ListByDate | BoletoCapabilities.Cancel
        | BoletoCapabilities.ServerPdf | BoletoCapabilities.PaidListing | BoletoCapabilities.Webhook;

    public override async Task<BoletoRecord> RegisterAsync(BoletoRequest request, CancellationToken cancellationToken)
    {
        JsonNode? reply = null;
        ConnectorValidationException? duplicate = null;
        try
        {
            reply = await Transport.SendAsync(HttpMethod.Post, "cobrancas", Body(request), retryable: false, "boleto.create", cancellationToken).ConfigureAwait(false);
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

        var id = Json.Text(reply, "codigoSolicitacao")
            ?? throw new ConnectorTransportException(Provider, "boleto.create", $"{Provider} create reply has no codigoSolicitacao.");
        return new BoletoRecord
        {
            ProviderId = id,
            Reference = request.Reference,
            Status = BoletoStatus.Processing,
            ProviderStatus = "EM_PROCESSAMENTO",
            Amount = request.Amount,
            DueDate = request.DueDate,
            IssueDate = request.IssueDate ?? Today(),
        };
    }

    public override async Task<BoletoRecord> GetAsync(string providerId, CancellationToken cancellationToken)
    {
        var reply = await Transport.SendAsync(HttpMethod.Get, "cobrancas/" + Escape(providerId), null, retryable: true, "boleto.get", cancellationToken).ConfigureAwait(false);
        return Map(reply, providerId);
    }

    public override async Task<BoletoRecord?> FindByReferenceAsync(string reference, DateOnly issuedOn, CancellationToken cancellationToken)
    {
        // No search by seuNumero: list the emissions around the day the create was sent (time zones, midnight) and match.
        var query = new BoletoQuery { From = issuedOn.AddDays(-1), To = issuedOn.AddDays(1), DateFilter = BoletoDateFilter.IssueDate, PageSize = 1000 };
        await foreach (var boleto in ListAsync(query, cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(boleto.Reference, reference, StringComparison.Ordinal)) return boleto;
        }

        return null;
    }

    public override async IAsyncEnumerable<BoletoRecord> ListAsync(BoletoQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filter = query.DateFilter switch
        {
            BoletoDateFilter.IssueDate => "EMISSAO",
            BoletoDateFilter.PaymentDate => "PAGAMENTO",
            _ => "VENCIMENTO",
        };
        var size = Math.Clamp(query.PageSize, 1, 1000);
        var situacao = query.Status switch
        {
            BoletoStatus.Paid => "&situacao=RECEBIDO",
            BoletoStatus.Pending => "&situacao=A_RECEBER",
            BoletoStatus.Overdue => "&situacao=ATRASADO",
            BoletoStatus.Cancelled => "&situacao=CANCELADO",
            BoletoStatus.Expired => "&situacao=EXPIRADO",
            _ => string.Empty,
        };
        for (var page = 0; ; page++)
        {
            var path = string.Create(CultureInfo.InvariantCulture,
                $"cobrancas?dataInicial={Iso(query.From)}&dataFinal={Iso(query.To)}&filtrarDataPor={filter}{situacao}&itensPorPagina={size}&paginaAtual={page}");
            var reply = await Transport.SendAsync(HttpMethod.Get, path, null, retryable: true, "boleto.list", cancellationToken).ConfigureAwait(false);
            var items = (Json.Get(reply, "cobrancas") ?? Json.Get(reply, "content")) as JsonArray ?? [];
            foreach (var item in items)
            {
                var boleto = Map(item, null);
                if (query.Status is { } wanted && boleto.Status != wanted) continue;
                yield return boleto;
            }

            var totalPages = Json.Long(reply, "totalPaginas");
            var last = Json.Text(reply, "ultimaPagina") == "true";
            if (items.Count == 0 || last || (totalPages is { } t && page + 1 >= t) || (totalPages is null && items.Count < size)) yield break;
        }
    }

    public override IAsyncEnumerable<BoletoRecord> ListPaidAsync(DateOnly day, CancellationToken cancellationToken) =>
        ListAsync(new BoletoQuery { From = day, To = day, DateFilter = BoletoDateFilter.PaymentDate, Status = BoletoStatus.Paid, PageSize = 1000 }, cancellationToken);

    public override Task CancelAsync(string providerId, BoletoCancelReason reason, CancellationToken cancellationToken)
    {
        var motivo = reason switch
        {
            BoletoCancelReason.PaidToBeneficiary => "PAGODIRETOAOCLIENTE",
            BoletoCancelReason.Replaced => "SUBSTITUICAO",
            _ => "ACERTOS",
        };
        // Cancelling twice is harmless at the bank (already CANCELADO), so the pipeline may retry it.
        return Transport.SendAsync(HttpMethod.Post, $"cobrancas/{Escape(providerId)}/cancelar", new JsonObject { ["motivoCancelamento"] = motivo },
            retryable: true, "boleto.cancel", cancellationToken);
    }

    public override async Task<byte[]> GetPdfAsync(string providerId, CancellationToken cancellationToken)
    {
        var reply = await Transport.SendAsync(HttpMethod.Get, $"cobrancas/{Escape(providerId)}/pdf", null, retryable: true, "boleto.pdf", cancellationToken).ConfigureAwait(false);
        var base64 = Json.Text(reply, "pdf", "arquivo") // field name [unsure]: both read
            ?? throw new ConnectorTransportException(Provider, "boleto.pdf", $"{Provider} PDF reply has no pdf field.");
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException ex)
        {
            throw new ConnectorTransportException(Provider, "boleto.pdf", $"{Provider} PDF reply is not base64.", ex);
        }
    }

    public override Task<IReadOnlyList<string>> ReadWebhookHintsAsync(string body, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(Collect(TryParse(body), "codigoSolicitacao"));

    private BoletoRecord Map(JsonNode? node, string? knownId)
    {
        var c = Json.Get(node, "cobranca") ?? node;
        var b = Json.Get(node, "boleto");
        var p = Json.Get(node, "pix");
        var situacao = Json.Text(c, "situacao");
        var due = Json.Date(c, "dataVencimento");
        var (barcode, linha) = Codes(Json.Text(b, "codigoBarras"), Json.Text(b, "linhaDigitavel"));
        var status = situacao?.ToUpperInvariant() switch
        {
            "A_RECEBER" => OpenStatus(due),
            "ATRASADO" or "PROTESTO" => BoletoStatus.Overdue,
            "RECEBIDO" or "PAGO" => BoletoStatus.Paid,
            "MARCADO_RECEBIDO" => BoletoStatus.PaidManually,
            "CANCELADO" => BoletoStatus.Cancelled,
            "EXPIRADO" => BoletoStatus.Expired,
            "FALHA_EMISSAO" => BoletoStatus.Failed,
            "EM_PROCESSAMENTO" => BoletoStatus.Processing,
            _ => BoletoStatus.Unknown,
        };
        var paid = status == BoletoStatus.Paid;
        return new BoletoRecord
        {
            ProviderId = Json.Text(c, "codigoSolicitacao") ?? knownId ?? string.Empty,
            Reference = Json.Text(c, "seuNumero"),
            Status = status,
            ProviderStatus = situacao,
            Amount = Json.Decimal(c, "valorNominal") ?? 0m,
            DueDate = due,
            IssueDate = Json.Date(c, "dataEmissao"),
            NossoNumero = Json.Text(b, "nossoNumero"),
            Barcode = barcode,
            LinhaDigitavel = linha,
            PixCopiaECola = Json.Text(p, "pixCopiaECola"),
            PixTxid = Json.Text(p, "txid"),
            AmountPaid = paid ? Json.Decimal(c, "valorTotalRecebido") : null,
            PaidAt = paid ? Json.Timestamp(c, Zone, "dataSituacao", "dataHoraSituacao") : null,
            PaidVia = Json.Text(c, "origemRecebimento")?.ToUpperInvariant() switch
            {
                "PIX" => BoletoPaymentChannel.Pix,
                "BOLETO" => BoletoPaymentChannel.Boleto,
                _ => BoletoPaymentChannel.Unknown,
            },
        };
    }

    private JsonObject Body(BoletoRequest r)
    {
        var payer = r.Payer;
        var body = new JsonObject
        {
            ["seuNumero"] = r.Reference,
            ["valorNominal"] = r.Amount,
            ["dataEmissao"] = Iso(r.IssueDate ?? Today()),
            ["dataVencimento"] = Iso(r.DueDate),
            ["numDiasAgenda"] = r.DaysPayableAfterDue,
            ["pagador"] = new JsonObject
            {
                ["cpfCnpj"] = payer.Document.Value,
                ["tipoPessoa"] = payer.Document.Kind == DocumentKind.Cnpj ? "JURIDICA" : "FISICA",
                ["nome"] = payer.Name,
                ["endereco"] = payer.Street,
                ["numero"] = payer.Number,
                ["complemento"] = payer.Complement ?? string.Empty,
                ["bairro"] = payer.District,
                ["cidade"] = payer.City,
                ["uf"] = payer.State,
                ["cep"] = Json.Digits(payer.ZipCode),
                ["email"] = payer.Email ?? string.Empty,
            },
        };
        if (r.LateFees is { } fees)
        {
            if (fees.FinePercent > 0) body["multa"] = new JsonObject { ["codigo"] = "PERCENTUAL", ["taxa"] = fees.FinePercent };
            if (fees.InterestPercent > 0) body["mora"] = new JsonObject { ["codigo"] = "TAXAMENSAL", ["taxa"] = MonthlyInterest(fees) };
        }

        if (r.Discount is { } d)
        {
            body["desconto"] = new JsonObject
            {
                ["codigo"] = d.Percent is not null ? "PERCENTUALDATAINFORMADA" : "VALORFIXODATAINFORMADA",
                ["taxa"] = d.Percent ?? d.Amount,
                ["quantidadeDias"] = Math.Max(0, r.DueDate.DayNumber - d.Until.DayNumber),
            };
        }

        if (r.Messages.Count > 0)
        {
            var lines = new JsonObject();
            for (var i = 0; i < Math.Min(5, r.Messages.Count); i++) lines["linha" + (i + 1).ToString(CultureInfo.InvariantCulture)] = Truncate(r.Messages[i], 78);
            body["mensagem"] = lines;
        }

        return body;
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
