using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Boleto.Providers.Internal;

/// <summary>
/// Banco do Brasil, API Cobranças v2 (<c>/cobrancas/v2/boletos</c>, query <c>gw-dev-app-key</c>). The id is ours:
/// <c>numeroTituloCliente = "000" + convênio (7) + reference (10)</c>, and BB refuses it twice ("Nosso Número já
/// incluído anteriormente", code 4874915) — a retried create adopts the existing boleto. The GET/list field names,
/// the paging parameters, the <c>codigoEstadoTituloCobranca</c> domain and POST vs PATCH for <c>/baixar</c> are
/// [unsure]: read tolerantly, and <c>/baixar</c> falls back to PATCH when POST is refused with 405.
/// </summary>
internal sealed class BancoDoBrasilAdapter(BoletoTransport transport, BoletoBankClientOptions options, TimeProvider time)
    : BankAdapter(transport, options, time)
{
    public override BoletoCapabilities Capabilities =>
        BoletoCapabilities.HybridPix | BoletoCapabilities.ClientAssignsNossoNumero | BoletoCapabilities.RejectsDuplicateReference
        | BoletoCapabilities.ListByDate | BoletoCapabilities.Cancel | BoletoCapabilities.PaidListing | BoletoCapabilities.Webhook;

    private long Convenio => Options.Convenio!.Value;

    internal string IdOf(string reference) =>
        string.Create(CultureInfo.InvariantCulture, $"000{Convenio:D7}{reference.PadLeft(10, '0')}");

    private static string? ReferenceOf(string? id) => id is { Length: 20 } && id.All(char.IsAsciiDigit) ? id[10..] : null;

    public override async Task<BoletoRecord> RegisterAsync(BoletoRequest request, CancellationToken cancellationToken)
    {
        var id = IdOf(request.Reference);
        JsonNode? reply;
        try
        {
            reply = await Transport.SendAsync(HttpMethod.Post, "boletos", Body(request, id), retryable: false, "boleto.create", cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorValidationException ex) when (IsDuplicate(ex, "4874915"))
        {
            // Our numeroTituloCliente already exists: the earlier attempt went through. Adopt it.
            return await GetAsync(id, cancellationToken).ConfigureAwait(false);
        }

        var (barcode, linha) = Codes(Json.Text(reply, "codigoBarraNumerico"), Json.Text(reply, "linhaDigitavel"));
        var qr = Json.Get(reply, "qrCode");
        return new BoletoRecord
        {
            ProviderId = Json.Text(reply, "numero") ?? id,
            Reference = request.Reference,
            Status = OpenStatus(request.DueDate),
            Amount = request.Amount,
            DueDate = request.DueDate,
            IssueDate = request.IssueDate ?? Today(),
            NossoNumero = Json.Text(reply, "numero") ?? id,
            Barcode = barcode,
            LinhaDigitavel = linha,
            PixCopiaECola = Json.Text(qr, "emv"),
            PixTxid = Json.Text(qr, "txId"),
            PdfUrl = Uri.TryCreate(Json.Text(qr, "url"), UriKind.Absolute, out var u) ? u : null,
        };
    }

    public override async Task<BoletoRecord> GetAsync(string providerId, CancellationToken cancellationToken)
    {
        var reply = await Transport.SendAsync(HttpMethod.Get, string.Create(CultureInfo.InvariantCulture, $"boletos/{Escape(providerId)}?numeroConvenio={Convenio}"),
            null, retryable: true, "boleto.get", cancellationToken).ConfigureAwait(false);
        return Map(reply, providerId);
    }

    public override async Task<BoletoRecord?> FindByReferenceAsync(string reference, DateOnly issuedOn, CancellationToken cancellationToken)
    {
        try
        {
            return await GetAsync(IdOf(reference), cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorNotFoundException)
        {
            return null;
        }
    }

    public override async IAsyncEnumerable<BoletoRecord> ListAsync(BoletoQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        // indicadorSituacao A = em ser (open), B = baixados/liquidados; a date filter applies within one of them.
        string[] situations = query.DateFilter == BoletoDateFilter.PaymentDate || query.Status is BoletoStatus.Paid or BoletoStatus.Cancelled or BoletoStatus.Expired
            ? ["B"] : query.Status is BoletoStatus.Pending or BoletoStatus.Overdue ? ["A"] : ["A", "B"];
        var (fromName, toName) = query.DateFilter switch
        {
            BoletoDateFilter.IssueDate => ("dataInicioRegistro", "dataFimRegistro"),
            BoletoDateFilter.PaymentDate => ("dataInicioMovimento", "dataFimMovimento"),
            _ => ("dataInicioVencimento", "dataFimVencimento"),
        };
        var size = Math.Clamp(query.PageSize, 1, 100);
        foreach (var situation in situations)
        {
            long index = 0;
            while (true)
            {
                var path = string.Create(CultureInfo.InvariantCulture,
                    $"boletos?indicadorSituacao={situation}&numeroConvenio={Convenio}&{fromName}={Br(query.From)}&{toName}={Br(query.To)}&indice={index}&quantidadePorPagina={size}");
                if (Options.Agency is { } agency) path += string.Create(CultureInfo.InvariantCulture, $"&agenciaBeneficiario={agency}");
                if (Options.Account is { } account) path += string.Create(CultureInfo.InvariantCulture, $"&contaBeneficiario={account}");
                var reply = await Transport.SendAsync(HttpMethod.Get, path, null, retryable: true, "boleto.list", cancellationToken).ConfigureAwait(false);
                var items = Json.Get(reply, "boletos") as JsonArray ?? [];
                foreach (var item in items)
                {
                    var boleto = Map(item, null);
                    if (query.Status is { } wanted && boleto.Status != wanted) continue;
                    yield return boleto;
                }

                var more = Json.Text(reply, "indicadorContinuidade") == "S";
                var next = Json.Long(reply, "proximoIndice");
                if (!more || items.Count == 0 || next is null || next <= index) break;
                index = next.Value;
            }
        }
    }

    public override async IAsyncEnumerable<BoletoRecord> ListPaidAsync(DateOnly day, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = new BoletoQuery { From = day, To = day, DateFilter = BoletoDateFilter.PaymentDate, Status = BoletoStatus.Paid, PageSize = 100 };
        await foreach (var boleto in ListAsync(query, cancellationToken).ConfigureAwait(false)) yield return boleto;
    }

    public override async Task CancelAsync(string providerId, BoletoCancelReason reason, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["numeroConvenio"] = Convenio };
        try
        {
            await Transport.SendAsync(HttpMethod.Post, $"boletos/{Escape(providerId)}/baixar", body, retryable: true, "boleto.cancel", cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorApiException ex) when (ex.StatusCode == (int)HttpStatusCode.MethodNotAllowed)
        {
            // POST or PATCH: public sources disagree [unsure]; the other verb is tried once.
            await Transport.SendAsync(HttpMethod.Patch, $"boletos/{Escape(providerId)}/baixar", body, retryable: true, "boleto.cancel", cancellationToken).ConfigureAwait(false);
        }
    }

    // "Baixa operacional": one object or an array of them; "id" is our numeroTituloCliente. A code 10 (baixa cancelled)
    // is re-queried like any other: the GET decides.
    public override Task<IReadOnlyList<string>> ReadWebhookHintsAsync(string body, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(Collect(TryParse(body), "id").Where(id => ReferenceOf(id) is not null).ToList());

    private BoletoRecord Map(JsonNode? node, string? knownId)
    {
        var id = Json.Text(node, "numeroBoletoBB", "numero", "id") ?? knownId ?? string.Empty;
        var due = Json.Date(node, "dataVencimentoTituloCobranca", "dataVencimento");
        var code = Json.Long(node, "codigoEstadoTituloCobranca");
        var stateText = Json.Text(node, "estadoTituloCobranca");
        var paidAmount = Json.Decimal(node, "valorPagoSacado", "valorPago");
        // Two readings of codigoEstadoTituloCobranca circulate [unsure]: 1 registrado, 2 liquidado, 3 protestado,
        // 4 vencido, 5 cancelado (a public PHP client's enum) and 1 normal … 6 liquidado, 7 baixado (BB's portal as
        // remembered by integrators). A false "paid" would restore a customer who did not pay, so a code alone never
        // makes a boleto Paid: the state text must say "liquidado", or the code be 2 or 6 with an amount paid.
        var status = code switch
        {
            _ when stateText is { } t && t.Contains("LIQUID", StringComparison.OrdinalIgnoreCase) => BoletoStatus.Paid,
            _ when stateText is { } t && t.Contains("BAIX", StringComparison.OrdinalIgnoreCase) => BoletoStatus.Cancelled,
            _ when stateText is { } t && (t.Contains("NORMAL", StringComparison.OrdinalIgnoreCase) || t.Contains("REGISTR", StringComparison.OrdinalIgnoreCase)) => OpenStatus(due),
            1 => OpenStatus(due),
            2 or 6 when paidAmount is > 0 => BoletoStatus.Paid,
            5 or 7 when paidAmount is not > 0 => BoletoStatus.Cancelled,
            _ => BoletoStatus.Unknown,
        };
        var (barcode, linha) = Codes(Json.Text(node, "codigoBarraNumerico"), Json.Text(node, "codigoLinhaDigitavel", "linhaDigitavel"));
        var qr = Json.Get(node, "qrCode");
        var paid = status == BoletoStatus.Paid;
        return new BoletoRecord
        {
            ProviderId = id,
            Reference = ReferenceOf(id) ?? Json.Text(node, "numeroTituloBeneficiario"),
            Status = status,
            ProviderStatus = stateText ?? code?.ToString(CultureInfo.InvariantCulture),
            Amount = Json.Decimal(node, "valorOriginalTituloCobranca", "valorOriginal") ?? 0m,
            DueDate = due,
            IssueDate = Json.Date(node, "dataRegistroTituloCobranca", "dataEmissaoTituloCobranca", "dataRegistro"),
            NossoNumero = id,
            Barcode = barcode,
            LinhaDigitavel = linha,
            PixCopiaECola = Json.Text(qr, "emv"),
            PixTxid = Json.Text(qr, "txId"),
            AmountPaid = paid ? paidAmount : null,
            PaidAt = paid ? Json.Timestamp(node, Zone, "dataRecebimentoTitulo", "dataLiquidacao", "dataCreditoLiquidacao") : null,
        };
    }

    private static string Br(DateOnly d) => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private JsonObject Body(BoletoRequest r, string id)
    {
        var payer = r.Payer;
        var body = new JsonObject
        {
            ["numeroConvenio"] = Convenio,
            ["numeroCarteira"] = Options.Carteira,
            ["numeroVariacaoCarteira"] = Options.VariacaoCarteira,
            ["codigoModalidade"] = 1,
            ["dataEmissao"] = Br(r.IssueDate ?? Today()),
            ["dataVencimento"] = Br(r.DueDate),
            ["valorOriginal"] = r.Amount,
            ["valorAbatimento"] = 0,
            ["indicadorAceiteTituloVencido"] = r.DaysPayableAfterDue > 0 ? "S" : "N",
            ["numeroDiasLimiteRecebimento"] = r.DaysPayableAfterDue,
            ["codigoAceite"] = "A",
            ["codigoTipoTitulo"] = 2,
            ["descricaoTipoTitulo"] = "DM",
            ["indicadorPermissaoRecebimentoParcial"] = "N",
            ["numeroTituloBeneficiario"] = r.Reference,
            ["numeroTituloCliente"] = id,
            ["pagador"] = new JsonObject
            {
                ["tipoInscricao"] = payer.Document.Kind == DocumentKind.Cnpj ? 2 : 1,
                ["numeroInscricao"] = long.Parse(payer.Document.Value, CultureInfo.InvariantCulture),
                ["nome"] = payer.Name,
                ["endereco"] = string.IsNullOrEmpty(payer.Number) ? payer.Street : $"{payer.Street}, {payer.Number}",
                ["cep"] = long.TryParse(Json.Digits(payer.ZipCode), NumberStyles.None, CultureInfo.InvariantCulture, out var cep) ? cep : 0,
                ["cidade"] = payer.City,
                ["bairro"] = payer.District,
                ["uf"] = payer.State,
                ["email"] = payer.Email ?? string.Empty,
            },
            ["indicadorPix"] = r.WithPix ? "S" : "N",
        };
        if (r.LateFees is { } fees)
        {
            if (fees.FinePercent > 0) body["multa"] = new JsonObject { ["tipo"] = 2, ["data"] = Br(r.DueDate.AddDays(1)), ["porcentagem"] = fees.FinePercent, ["valor"] = 0 };
            if (fees.InterestPercent > 0) body["jurosMora"] = new JsonObject { ["tipo"] = 2, ["porcentagem"] = MonthlyInterest(fees), ["valor"] = 0 };
        }

        if (r.Discount is { } d)
        {
            body["desconto"] = new JsonObject
            {
                ["tipo"] = d.Percent is not null ? 2 : 1,
                ["dataExpiracao"] = Br(d.Until),
                ["porcentagem"] = d.Percent ?? 0,
                ["valor"] = d.Amount ?? 0,
            };
        }

        if (r.Messages.Count > 0)
        {
            var text = string.Join(" ", r.Messages).ReplaceLineEndings(" ");
            body["mensagemBloquetoOcorrencia"] = text.Length > 165 ? text[..165] : text;
        }

        return body;
    }
}
