using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Ixc.Internal;

namespace Cobranca.Connectors.Ixc;

public partial class IxcClient
{
    /// <summary>
    /// What the customer owes today (in <see cref="IxcClientOptions.TimeZone"/>, from the injected clock). Reads the
    /// customer's open invoices (<c>fn_areceber.id_cliente = id</c> AND <c>liberado = S</c> AND <c>status != C</c> AND
    /// <c>status != R</c>: <c>A</c> open and <c>P</c> partially paid; by customer, so invoices linked through
    /// <c>id_contrato_avulso</c> are not missed) and the contracts. Open is not overdue: only invoices due
    /// before today are overdue; amounts are <c>valor_aberto</c> (what is left after partial payments).
    /// </summary>
    /// <param name="customerId">The customer id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<DebtStatus> GetDebtStatusAsync(string customerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        var id = customerId.Trim();
        var today = Today();
        var invoices = ListRowsAsync(OpenInvoices("id_cliente", "=", id).OrderBy("data_vencimento"), cancellationToken);
        var contracts = GetContractsAsync(id, cancellationToken);
        await Task.WhenAll(invoices, contracts).ConfigureAwait(false);
        var open = (await invoices.ConfigureAwait(false)).Where(IsOpenRow).Select(ToInvoice);
        return DebtStatus.FromInvoices(id, today, open, await contracts.ConfigureAwait(false));
    }

    /// <summary>
    /// Streams open invoices (<c>liberado = S</c>, <c>status</c> <c>A</c> or <c>P</c> (partially paid)) over the whole base or one customer, page by page
    /// (<c>rp</c> = <see cref="InvoiceQuery.PageSize"/>) in id order, prefetching the next page. Due-date filters are sent to
    /// IXC as <c>grid_param</c> filters (ISO dates) and checked again on each row.
    /// </summary>
    /// <param name="query">Filters.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    public async IAsyncEnumerable<Invoice> ListOpenInvoicesAsync(InvoiceQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.PageSize is < 1 or > 100_000) throw new ArgumentOutOfRangeException(nameof(query), query.PageSize, "PageSize must be between 1 and 100000.");
        var listing = query.CustomerId is { } customerId
            ? OpenInvoices("id_cliente", "=", customerId.Trim())
            : OpenInvoices("liberado", "=", "S");
        var dueFrom = query.DueFrom;
        var dueTo = query.DueTo;
        if (query.OverdueOnly)
        {
            var yesterday = Today().AddDays(-1);
            dueTo = dueTo is { } t && t < yesterday ? t : yesterday;
        }
        if (dueFrom is { } from) listing = listing.And("data_vencimento", ">=", Iso(from));
        if (dueTo is { } to) listing = listing.And("data_vencimento", "<=", Iso(to));

        await foreach (var row in ListAllAsync(listing, query.PageSize, cancellationToken).ConfigureAwait(false))
        {
            if (!IsOpenRow(row)) continue;
            var invoice = ToInvoice(row);
            if (dueFrom is { } f && invoice.DueDate < f) continue;
            if (dueTo is { } u && invoice.DueDate > u) continue;
            yield return invoice;
        }
    }

    /// <summary>Reads one invoice (<c>fn_areceber.id = id</c>), whatever its status; null when it does not exist.</summary>
    /// <param name="invoiceId">The invoice id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<Invoice?> GetInvoiceAsync(string invoiceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(invoiceId);
        var rows = await ListRowsAsync(IxcListing.Where("fn_areceber", "id", "=", invoiceId.Trim()), cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : ToInvoice(rows[0]);
    }

    /// <summary>
    /// Open invoices: <c>liberado = S</c>, not cancelled (<c>C</c>) and not received (<c>R</c>), the filter IXC's own
    /// samples use; this keeps <c>A</c> (open) and <c>P</c> (partially paid, still owing <c>valor_aberto</c>).
    /// </summary>
    private static IxcListing OpenInvoices(string field, string oper, string value)
    {
        var listing = IxcListing.Where("fn_areceber", field, oper, value);
        if (field != "liberado") listing = listing.And("liberado", "=", "S");
        return listing.And("status", "!=", "C").And("status", "!=", "R");
    }

    private static bool IsOpenRow(IxcRow row) =>
        row.Flag("liberado") && row.Text("status")?.ToUpperInvariant() is "A" or "P";

    private Invoice ToInvoice(IxcRow row) => IxcMapper.ToInvoice(row, id => IxcLog.InvoiceWithoutDueDate(_logger, id));

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // ---------------------------------------------------------------- second copy

    /// <summary>
    /// Second copy of an invoice: reads it (<c>fn_areceber</c>), then, when it has a registered boleto
    /// (<c>linha_digitavel</c> not empty) and <see cref="IxcClientOptions.IncludePdfInPaymentSlip"/> is on, downloads the PDF
    /// (<c>get_boleto</c>), and when <see cref="IxcClientOptions.IncludePixInPaymentSlip"/> is on asks for the Pix
    /// (<c>get_pix</c>, <b>which may create a charge</b>, so by default only for invoices already due or that already have a
    /// Pix; see <see cref="IxcClientOptions.CreatePixForUpcomingInvoices"/>). <c>get_pix</c> is never retried automatically.
    /// The invoice read is the only required part: when the PDF or the Pix cannot be obtained (refused, timed out, reset,
    /// HTTP 5xx) the slip comes back with what was obtained and <see cref="PaymentSlip.Warnings"/> says what is missing and why.
    /// </summary>
    /// <param name="invoiceId">The invoice id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ConnectorNotFoundException">No such invoice.</exception>
    /// <exception cref="ConnectorValidationException">The invoice is not open (paid or cancelled).</exception>
    public async Task<PaymentSlip> GetPaymentSlipAsync(string invoiceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(invoiceId);
        var id = invoiceId.Trim();
        var invoice = await GetInvoiceAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new ConnectorNotFoundException(ProviderName, "fn_areceber.listar", $"IXC has no invoice {id}.");
        if (invoice.Status is not (InvoiceStatus.Open or InvoiceStatus.PartiallyPaid))
            throw new ConnectorValidationException(ProviderName, "second-copy",
                $"Invoice {id} is not open (IXC status {invoice.RawStatus}); there is nothing to pay.");

        var warnings = new List<string>();
        var line = invoice.Raw.GetValueOrDefault("linha_digitavel");
        var digits = line is null ? null : new string(line.Where(char.IsAsciiDigit).ToArray());
        byte[]? pdf = null;
        if (_options.IncludePdfInPaymentSlip && !string.IsNullOrEmpty(digits))
        {
            try
            {
                pdf = await GetBoletoPdfAsync(id, cancellationToken).ConfigureAwait(false);
            }
            catch (ConnectorException ex)
            {
                IxcLog.PdfUnavailable(_logger, id, ex.Message);
                warnings.Add($"PDF: not obtained ({Why(ex)}); the linha digitável and the gateway link are still valid.");
            }
        }

        string? pix = null;
        if (_options.IncludePixInPaymentSlip)
        {
            var hasPix = !string.IsNullOrEmpty(invoice.Raw.GetValueOrDefault("pix_txid"));
            if (!hasPix && invoice.DueDate > Today() && !_options.CreatePixForUpcomingInvoices)
            {
                warnings.Add("Pix: not requested, because the invoice is not yet due and has no Pix: get_pix would create a charge at the gateway " +
                    "(set IxcClientOptions.CreatePixForUpcomingInvoices to allow it).");
            }
            else
            {
                try
                {
                    var charge = await GetPixAsync(id, cancellationToken).ConfigureAwait(false);
                    if (charge.IsPayable) pix = charge.CopyPaste;
                    else warnings.Add($"Pix: IXC's charge is not payable (status {charge.Status ?? "unknown"}).");
                }
                catch (ConnectorException ex)
                {
                    IxcLog.PixUnavailable(_logger, id, ex.Message);
                    warnings.Add($"Pix: not obtained ({Why(ex)})." + (ex is ConnectorTransportException { RequestNotSent: false }
                        ? " IXC may have created the charge anyway; asking again reuses it."
                        : ""));
                }
            }
        }

        return new PaymentSlip
        {
            InvoiceId = id,
            Amount = invoice.OpenAmount,
            DueDate = invoice.DueDate == DateOnly.MaxValue ? null : invoice.DueDate,
            DigitableLine = string.IsNullOrEmpty(digits) ? null : digits,
            PixCopyPaste = pix,
            PdfUrl = Uri.TryCreate(invoice.Raw.GetValueOrDefault("gateway_link"), UriKind.Absolute, out var link)
                && (link.Scheme == Uri.UriSchemeHttps || link.Scheme == Uri.UriSchemeHttp) ? link : null,
            Pdf = pdf is null ? (ReadOnlyMemory<byte>?)null : pdf, // not "pdf" alone: a null array converts to an empty memory
            Warnings = warnings,
        };
    }

    /// <summary>A short, redacted reason for a warning: the failure's kind and message (exception messages are redacted).</summary>
    private static string Why(ConnectorException ex) => ex switch
    {
        ConnectorAuthenticationException { ProviderErrorCode: IxcReply.ResourceUnavailableCode } => "the webservice user has no permission: " + ex.Message,
        ConnectorTransportException => "IXC did not answer usably: " + ex.Message,
        ConnectorApiException { StatusCode: >= 500 } api => $"IXC failed with HTTP {api.StatusCode}: " + ex.Message,
        _ => "IXC refused: " + ex.Message,
    };

    /// <summary>
    /// Downloads the boleto PDF (<c>get_boleto</c> with <c>juro</c>, <c>multa</c> and <c>atualiza_boleto</c> = <c>N</c> so the
    /// charge is not rewritten, <c>base64 = S</c>). IXC answers the PDF as base64 text; an empty body means the invoice
    /// does not exist. The bytes are checked to start with <c>%PDF</c> and to end with <c>%%EOF</c> (a cut reply is retried). Retried like a read (nothing is recalculated);
    /// note that IXC may register a boleto for an invoice that has none, which is why <see cref="GetPaymentSlipAsync"/>
    /// only calls it when the invoice already has a <c>linha_digitavel</c>.
    /// </summary>
    /// <param name="invoiceId">The invoice id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ConnectorNotFoundException">Empty reply: no such invoice (or no boleto for it).</exception>
    public async Task<byte[]> GetBoletoPdfAsync(string invoiceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(invoiceId);
        const string operation = "get_boleto";
        var id = invoiceId.Trim();
        return await ActionAsync(operation, new()
        {
            ["boletos"] = id,
            ["juro"] = "N",
            ["multa"] = "N",
            ["atualiza_boleto"] = "N",
            ["tipo_boleto"] = "arquivo",
            ["base64"] = "S",
            ["layout_impressao"] = "",
        }, bytes => ParseBoleto(operation, id, bytes), cancellationToken, retryable: true).ConfigureAwait(false); // recalculation off: a read
    }

    private static byte[] ParseBoleto(string operation, string id, byte[] bytes)
    {
        if (StartsWithPdf(bytes)) return Complete(operation, bytes);
        var text = IxcReply.Decode(bytes).Trim();
        if (text.Length == 0)
            throw new ConnectorNotFoundException(ProviderName, operation, $"IXC returned no boleto for invoice {id} (empty reply: the invoice does not exist or has no boleto).", 200);
        if (text[0] is '{' or '<')
        {
            IxcReply.ParseObject(operation, bytes).Dispose(); // throws for every error shape
            throw new ConnectorTransportException(ProviderName, operation, "IXC answered get_boleto with JSON but no PDF.");
        }
        byte[] pdf;
        try
        {
            pdf = Convert.FromBase64String(text);
        }
        catch (FormatException ex)
        {
            throw new ConnectorTransportException(ProviderName, operation, "IXC answered get_boleto with neither a PDF nor base64.", ex);
        }
        if (!StartsWithPdf(pdf))
            throw new ConnectorTransportException(ProviderName, operation, "IXC answered get_boleto with base64 that is not a PDF (no %PDF header).");
        return Complete(operation, pdf);
    }

    /// <summary>A PDF ends with <c>%%EOF</c> (allowing trailing blanks or a few bytes after it); a cut one does not.</summary>
    private static byte[] Complete(string operation, byte[] pdf)
    {
        var tail = pdf.AsSpan(Math.Max(0, pdf.Length - 1024));
        if (tail.IndexOf("%%EOF"u8) < 0)
            throw new ConnectorTransportException(ProviderName, operation, "IXC answered get_boleto with a PDF that is cut off (no %%EOF at its end).");
        return pdf;
    }

    private static bool StartsWithPdf(ReadOnlySpan<byte> bytes) => bytes.StartsWith("%PDF"u8);

    /// <summary>
    /// The Pix copia-e-cola of an invoice (<c>get_pix {"id_areceber": id}</c>). <b>This is a write</b>: for an invoice
    /// without a Pix yet (<c>pix_txid</c> empty), IXC creates the charge at its gateway. It is therefore never retried
    /// automatically; if a call fails in transit, read the invoice (<c>pix_txid</c>) before calling again. The BR Code's
    /// CRC16 is verified. IXC answers HTTP 500 for an invoice that does not exist, but also when its gateway fails: on a
    /// 500 the invoice is read to tell the two apart.
    /// </summary>
    /// <param name="invoiceId">The invoice id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ConnectorNotFoundException">HTTP 500 and the invoice does not exist.</exception>
    /// <exception cref="ConnectorApiException">HTTP 500 for an invoice that exists (IXC or its gateway failed; <see cref="ConnectorApiException.StatusCode"/> 500).</exception>
    public async Task<IxcPixCharge> GetPixAsync(string invoiceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(invoiceId);
        const string operation = "get_pix";
        var id = invoiceId.Trim();
        try
        {
            return await ActionAsync(operation, new() { ["id_areceber"] = id }, bytes => ParsePix(operation, id, bytes), cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorApiException ex) when (ex.StatusCode == 500 && ex is not ConnectorNotFoundException)
        {
            Invoice? invoice;
            try
            {
                invoice = await GetInvoiceAsync(id, cancellationToken).ConfigureAwait(false);
            }
            catch (ConnectorException)
            {
                throw new ConnectorApiException(ProviderName, operation,
                    $"IXC answered HTTP 500 to get_pix for invoice {id}, and reading the invoice to tell a missing invoice from a gateway failure also failed.",
                    500, ex.ProviderErrorCode, ex.RawBody, ex);
            }
            if (invoice is null)
                throw new ConnectorNotFoundException(ProviderName, operation, $"IXC has no invoice {id} (get_pix answered HTTP 500, IXC's answer for a missing invoice).",
                    500, null, ex.RawBody);
            throw new ConnectorApiException(ProviderName, operation,
                $"IXC answered HTTP 500 to get_pix for invoice {id}, which exists: IXC or its Pix gateway failed. The charge may or may not have been created; read the invoice's pix_txid before asking again.",
                500, ex.ProviderErrorCode, ex.RawBody, ex);
        }
    }

    private static IxcPixCharge ParsePix(string operation, string id, byte[] bytes)
    {
        using var doc = IxcReply.ParseObject(operation, bytes);
        var root = doc.RootElement;
        var pix = root.TryGetProperty("pix", out var p) ? p : default;
        var dados = pix.ValueKind == JsonValueKind.Object && pix.TryGetProperty("dadosPix", out var d) ? d : default;
        var qr = pix.ValueKind == JsonValueKind.Object && pix.TryGetProperty("qrCode", out var q) ? q : default;
        var code = IxcReply.Str(dados, "pixCopiaECola") ?? IxcReply.Str(qr, "qrcode");
        if (string.IsNullOrWhiteSpace(code))
            throw new ConnectorApiException(ProviderName, operation, $"IXC answered get_pix for invoice {id} without a copia-e-cola.", 200, "no-pix-code");
        code = code.Trim();
        if (!BrCodeCrc.IsValid(code))
            throw new ConnectorApiException(ProviderName, operation, $"IXC answered get_pix for invoice {id} with a BR Code whose CRC16 does not match.", 200, "bad-crc");
        var valor = dados.ValueKind == JsonValueKind.Object && dados.TryGetProperty("valor", out var v) ? IxcReply.Str(v, "original") : null;
        return new IxcPixCharge
        {
            InvoiceId = id,
            CopyPaste = code,
            TxId = IxcReply.Str(dados, "txid"),
            Status = IxcReply.Str(dados, "status"),
            Amount = Money.TryParse(valor, out var amount) ? amount : null,
            Gateway = IxcReply.Str(root, "gateway"),
        };
    }
}
