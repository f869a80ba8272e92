using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Sgp.Internal;

namespace Cobranca.Connectors.Sgp;

public sealed partial class SgpClient
{
    private const int MaxTitlesPage = 250;

    /// <inheritdoc />
    /// <remarks>
    /// The customer's open titles (<c>titulos</c>, <c>cliente_id</c>, <c>status=abertos</c>, every page) and its
    /// contracts (<c>consultacliente</c>). "Overdue" is not an SGP status: titles due before today (tenant time zone)
    /// are overdue; amounts are what is left after partial payments (<c>valor</c> − <c>valorPagoParcial</c>).
    /// </remarks>
    /// <exception cref="ConnectorNotFoundException">SGP has no customer (with any title) under that id.</exception>
    public async Task<DebtStatus> GetDebtStatusAsync(string customerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        customerId = customerId.Trim();
        var rows = await AllTitlesAsync([F("cliente_id", customerId), F("status", "abertos")], cancellationToken).ConfigureAwait(false);
        JsonElement? sample = rows.Count > 0 ? rows[0] : null;
        var found = await FindByIdAsync(customerId, cancellationToken, sample).ConfigureAwait(false);
        if (found is null && sample is null)
        {
            throw new ConnectorNotFoundException(ProviderName, "debt.status",
                $"SGP has no customer {customerId} (no title under that id).");
        }
        var contracts = found?.ContractRows.Select(ToContract).ToList() ?? [];
        var invoices = rows.Select(r => ToInvoice(r, customerId)).ToList();
        return DebtStatus.FromInvoices(customerId, Today(), invoices, contracts);
    }

    /// <inheritdoc />
    /// <remarks>
    /// <c>titulos</c> with <c>status=abertos</c>, paged with <c>offset</c>/<c>limit</c> (at most 250, SGP's cap), advancing
    /// by the rows received and stopping at <c>total</c>; a page that comes back empty before <c>total</c> is an error
    /// (the listing would be partial), never a silent truncation. Due-date filters travel as the pair SGP requires.
    /// Titles carry their contract, not their customer: the customer id is resolved once per contract.
    /// </remarks>
    public async IAsyncEnumerable<Invoice> ListOpenInvoicesAsync(InvoiceQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.PageSize < 1) throw new ArgumentOutOfRangeException(nameof(query), query.PageSize, "PageSize must be positive.");
        var today = Today();
        var filters = new List<KeyValuePair<string, string>> { F("status", "abertos") };
        if (query.CustomerId is { } customer) filters.Add(F("cliente_id", customer.Trim()));
        var to = query.OverdueOnly ? today.AddDays(-1) : query.DueTo;
        if (query.DueFrom is not null || to is not null)
        {
            // SGP answers 400 when only one date of a range is sent: always send both.
            filters.Add(F("data_vencimento_inicio", Iso(query.DueFrom ?? new DateOnly(1900, 1, 1))));
            filters.Add(F("data_vencimento_fim", Iso(to ?? new DateOnly(2999, 12, 31))));
        }
        var pageSize = Math.Min(Math.Min(query.PageSize, _options.PageSize), MaxTitlesPage);
        var customers = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var offset = 0; ;)
        {
            var page = await TitlesPageAsync(filters, offset, pageSize, cancellationToken).ConfigureAwait(false);
            foreach (var row in page.Rows)
            {
                var customerId = query.CustomerId ?? row.Str("clienteId", "cliente_id");
                if (customerId is null)
                {
                    var contract = row.Str("clienteContrato", "contrato") ?? "";
                    if (!customers.TryGetValue(contract, out customerId))
                    {
                        var contractRows = contract.Length == 0 ? [] : await ConsultAsync(F("contrato", contract), cancellationToken).ConfigureAwait(false);
                        customerId = contractRows.Select(r => r.Str("clienteId", "cliente_id")).FirstOrDefault(c => c is not null) ?? "";
                        customers[contract] = customerId;
                    }
                }
                var invoice = ToInvoice(row, customerId);
                if (invoice.Status is not (InvoiceStatus.Open or InvoiceStatus.PartiallyPaid) || invoice.OpenAmount <= 0) continue;
                if (query.OverdueOnly && invoice.DueDate >= today) continue;
                yield return invoice;
            }
            offset += page.Rows.Count; // SGP may return fewer rows than asked
            if (offset >= page.Total) yield break;
            if (page.Rows.Count == 0)
            {
                throw new ConnectorApiException(ProviderName, "titulos",
                    string.Create(CultureInfo.InvariantCulture, $"SGP returned an empty page at offset {offset} although total is {page.Total}: the listing is incomplete."), 200, "partial");
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Reads the title (<c>titulos</c> by <c>titulo_id</c>) for its contract, then asks <c>fatura2via</c> for the
    /// contract's open invoices with <c>nao_gerar_os=1</c> (no service order, unless
    /// <see cref="SgpClientOptions.OpenServiceOrderOnSecondCopy"/>) and takes this one: the linha digitável, the boleto
    /// link and the Pix copia-e-cola (when empty, <c>pagamento/pix/{fatura}</c> is asked once; if that fails the slip
    /// comes without Pix). Amount and due date are the recalculated ones for an overdue title. Not re-sent automatically.
    /// </remarks>
    public async Task<PaymentSlip> GetPaymentSlipAsync(string invoiceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(invoiceId);
        invoiceId = invoiceId.Trim();
        var page = await TitlesPageAsync([F("titulo_id", invoiceId)], 0, 1, cancellationToken).ConfigureAwait(false);
        var title = page.Rows.FirstOrDefault(r => r.Str("id") == invoiceId);
        if (title.ValueKind == JsonValueKind.Undefined) throw new ConnectorNotFoundException(ProviderName, "invoice.slip", $"SGP has no title {invoiceId}.");
        var status = title.Str("status")?.ToLowerInvariant();
        if (status != "aberto")
            throw new ConnectorValidationException(ProviderName, "invoice.slip", $"SGP title {invoiceId} is '{status}': there is nothing to pay.");
        var contract = title.Str("clienteContrato", "contrato")
            ?? throw new ConnectorApiException(ProviderName, "invoice.slip", $"SGP title {invoiceId} has no contract; fatura2via needs one.");

        var fields = new List<KeyValuePair<string, string>> { F("contrato", contract), F("faturas_abertas_todas", "1") };
        if (title.Str("numeroDocumento") is { } number) fields.Add(F("numero_documento", number));
        if (!_options.OpenServiceOrderOnSecondCopy) fields.Add(F("nao_gerar_os", "1"));
        using var doc = await PostAsync("fatura2via", Ura("fatura2via"), fields, retryable: false, cancellationToken).ConfigureAwait(false);
        var root = doc.RootElement;
        if (root.Int("status") != 1)
        {
            var message = root.Str("msg") ?? "SGP did not return the second copy.";
            throw IsNotFoundText(message)
                ? new ConnectorNotFoundException(ProviderName, "fatura2via", $"SGP fatura2via: {message}", 200, "0")
                : new ConnectorApiException(ProviderName, "fatura2via", $"SGP fatura2via refused: {message}", 200, root.Str("status"));
        }
        var link = root.Array("links").FirstOrDefault(l => l.Str("fatura") == invoiceId || l.Str("id") == invoiceId);
        if (link.ValueKind == JsonValueKind.Undefined)
            throw new ConnectorApiException(ProviderName, "fatura2via", $"SGP fatura2via did not list title {invoiceId} among the contract's open invoices.", 200, "missing");

        var pix = link.Str("codigopix", "codigoPix");
        if (pix is null)
        {
            try
            {
                using var pixDoc = await PostAsync("pagamento.pix", Ura("pagamento/pix/" + invoiceId), [F("contrato", contract)],
                    retryable: false, cancellationToken).ConfigureAwait(false);
                pix = pixDoc.RootElement.Str("codigoPix", "codigopix", "pix", "codigo", "qrcode", "copia_e_cola");
                if (pix is null) SgpLog.PixMissing(_logger, invoiceId, BusinessError(pixDoc.RootElement) ?? "no Pix code in the reply");
            }
            catch (ConnectorException ex)
            {
                SgpLog.PixMissing(_logger, invoiceId, ex.Message); // keep the boleto: a slip without Pix is better than none
            }
        }
        var pdf = link.Str("link") ?? root.Str("link");
        return new PaymentSlip
        {
            InvoiceId = invoiceId,
            Amount = link.Dec("valor"),
            DueDate = link.Date("vencimento"),
            DigitableLine = link.Str("linhadigitavel"),
            PixCopyPaste = pix?.StartsWith("000201", StringComparison.Ordinal) == true ? pix : null,
            PdfUrl = Uri.TryCreate(pdf, UriKind.Absolute, out var uri) ? uri : null,
        };
    }

    internal async Task<List<JsonElement>> AllTitlesAsync(List<KeyValuePair<string, string>> filters, CancellationToken cancellationToken)
    {
        var all = new List<JsonElement>();
        for (var offset = 0; ;)
        {
            var page = await TitlesPageAsync(filters, offset, Math.Min(_options.PageSize, MaxTitlesPage), cancellationToken).ConfigureAwait(false);
            all.AddRange(page.Rows);
            offset += page.Rows.Count;
            if (offset >= page.Total) return all;
            if (page.Rows.Count == 0)
            {
                throw new ConnectorApiException(ProviderName, "titulos",
                    string.Create(CultureInfo.InvariantCulture, $"SGP returned an empty page at offset {offset} although total is {page.Total}: the result is incomplete."), 200, "partial");
            }
        }
    }

    /// <summary>One page of <c>titulos</c>; the reply must have both <c>paginacao</c> and <c>titulos</c>.</summary>
    internal async Task<(List<JsonElement> Rows, int Total)> TitlesPageAsync(IEnumerable<KeyValuePair<string, string>> filters, int offset, int limit,
        CancellationToken cancellationToken)
    {
        var fields = filters.Append(F("offset", offset)).Append(F("limit", limit));
        using var doc = await PostAsync("titulos", Ura("titulos"), fields, retryable: true, cancellationToken).ConfigureAwait(false);
        var root = doc.RootElement;
        if (root.Prop("paginacao") is not { ValueKind: JsonValueKind.Object } paging || !root.TryGetProperty("titulos", out var titles) || titles.ValueKind != JsonValueKind.Array)
        {
            throw new ConnectorApiException(ProviderName, "titulos",
                "SGP titulos answered without paginacao and titulos: this is not the reply of an SGP URA API (check BaseAddress).", 200, "shape");
        }
        var rows = titles.EnumerateArray().Select(e => e.Clone()).ToList();
        return (rows, paging.Int("total") ?? offset + rows.Count);
    }

    internal static Invoice ToInvoice(JsonElement row, string customerId)
    {
        var raw = row.Str("status")?.ToLowerInvariant();
        var amount = row.Dec("valor") ?? 0m;
        var partial = row.Dec("valorPagoParcial") ?? 0m;
        var status = raw switch
        {
            "aberto" => partial > 0 ? InvoiceStatus.PartiallyPaid : InvoiceStatus.Open,
            "pago" => InvoiceStatus.Paid,
            "cancelado" => InvoiceStatus.Cancelled,
            _ => InvoiceStatus.Unknown,
        };
        return new Invoice
        {
            Id = row.Str("id")!,
            CustomerId = customerId,
            ContractId = row.Str("clienteContrato", "contrato"),
            DueDate = row.Date("dataVencimento", "vencimento") ?? DateOnly.MinValue,
            Amount = amount,
            OpenAmount = status is InvoiceStatus.Open or InvoiceStatus.PartiallyPaid ? Math.Max(0m, amount - partial) : 0m,
            Status = status,
            RawStatus = raw,
            Description = row.Str("numeroDocumento") is { } n ? "Título " + n : null,
            Raw = SgpJson.Raw(row),
        };
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
