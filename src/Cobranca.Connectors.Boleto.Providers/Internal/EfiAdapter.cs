using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Boleto.Providers.Internal;

/// <summary>
/// Efí, API Cobranças v1 (<c>/v1/charge/one-step</c>; token <c>/v1/authorize</c> with Basic auth and a JSON body; no
/// mTLS). Amounts are in centavos; <c>fine</c> in hundredths of a percent (200 = 2 %) and <c>interest</c> in
/// thousandths of a percent per day (33 = 0.033 %) [unsure]. No idempotency: a lost answer is resolved by listing
/// <c>GET /v1/charges?custom_id=</c> [unsure on the filter]. Notifications are pulled: the POST carries only a token,
/// <c>GET /v1/notification/{token}</c> names the charges, and each is re-queried.
/// </summary>
internal sealed class EfiAdapter(BoletoTransport transport, BoletoBankClientOptions options, TimeProvider time)
    : BankAdapter(transport, options, time)
{
    public override BoletoCapabilities Capabilities =>
        BoletoCapabilities.HybridPix | BoletoCapabilities.ListByDate | BoletoCapabilities.Cancel | BoletoCapabilities.Webhook;

    public override async Task<BoletoRecord> RegisterAsync(BoletoRequest request, CancellationToken cancellationToken)
    {
        var reply = await Transport.SendAsync(HttpMethod.Post, "charge/one-step", Body(request), retryable: false, "boleto.create", cancellationToken).ConfigureAwait(false);
        var data = Json.Get(reply, "data") ?? reply;
        if (Json.Text(data, "charge_id") is null)
            throw new ConnectorTransportException(Provider, "boleto.create", $"{Provider} create reply has no charge_id.");
        return Map(data);
    }

    public override async Task<BoletoRecord> GetAsync(string providerId, CancellationToken cancellationToken)
    {
        var reply = await Transport.SendAsync(HttpMethod.Get, "charge/" + Escape(providerId), null, retryable: true, "boleto.get", cancellationToken).ConfigureAwait(false);
        return Map(Json.Get(reply, "data") ?? reply);
    }

    public override async Task<BoletoRecord?> FindByReferenceAsync(string reference, DateOnly issuedOn, CancellationToken cancellationToken)
    {
        var path = $"charges?charge_type=billet&custom_id={Escape(reference)}&begin_date={Iso(issuedOn.AddDays(-1))}&end_date={Iso(issuedOn.AddDays(1))}";
        var reply = await Transport.SendAsync(HttpMethod.Get, path, null, retryable: true, "boleto.find", cancellationToken).ConfigureAwait(false);
        foreach (var item in Json.Get(reply, "data") as JsonArray ?? [])
        {
            if (string.Equals(Json.Text(item, "custom_id"), reference, StringComparison.Ordinal)) return Map(item);
        }

        return null;
    }

    public override async IAsyncEnumerable<BoletoRecord> ListAsync(BoletoQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var size = Math.Clamp(query.PageSize, 1, 100);
        // Efí filters by creation date only [unsure]: other date filters are applied locally after a wider window.
        var (from, to) = query.DateFilter == BoletoDateFilter.IssueDate ? (query.From, query.To) : (query.From.AddDays(-366), query.To);
        for (var page = 1; ; page++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"charges?charge_type=billet&begin_date={Iso(from)}&end_date={Iso(to)}&limit={size}&page={page}");
            var reply = await Transport.SendAsync(HttpMethod.Get, path, null, retryable: true, "boleto.list", cancellationToken).ConfigureAwait(false);
            var items = Json.Get(reply, "data") as JsonArray ?? [];
            foreach (var item in items)
            {
                var boleto = Map(item);
                if (query.Status is { } wanted && boleto.Status != wanted) continue;
                var date = query.DateFilter switch
                {
                    BoletoDateFilter.DueDate => boleto.DueDate,
                    BoletoDateFilter.PaymentDate => boleto.PaidAt is { } at ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone).DateTime) : null,
                    _ => null,
                };
                if (query.DateFilter != BoletoDateFilter.IssueDate && (date is null || date < query.From || date > query.To)) continue;
                yield return boleto;
            }

            if (items.Count < size) yield break;
        }
    }

    public override Task CancelAsync(string providerId, BoletoCancelReason reason, CancellationToken cancellationToken) =>
        Transport.SendAsync(HttpMethod.Put, $"charge/{Escape(providerId)}/cancel", null, retryable: true, "boleto.cancel", cancellationToken);

    /// <summary>
    /// The notification POST is a form (<c>notification=&lt;token&gt;</c>) or JSON with the same field; the token is
    /// looked up at Efí (nothing in the POST is trusted) and the charges it names are the hints.
    /// </summary>
    public override async Task<IReadOnlyList<string>> ReadWebhookHintsAsync(string body, CancellationToken cancellationToken)
    {
        var token = NotificationToken(body);
        if (token is null) return [];
        JsonNode? reply;
        try
        {
            reply = await Transport.SendAsync(HttpMethod.Get, "notification/" + Escape(token), null, retryable: true, "notification.get", cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorNotFoundException)
        {
            return []; // a token Efí does not know: forged
        }
        catch (ConnectorValidationException)
        {
            return [];
        }

        var ids = new List<string>();
        foreach (var item in Json.Get(reply, "data") as JsonArray ?? [])
        {
            if (Json.Text(Json.Get(item, "identifiers"), "charge_id") is { } id && !ids.Contains(id, StringComparer.Ordinal)) ids.Add(id);
        }

        return ids;
    }

    internal static string? NotificationToken(string body)
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        var trimmed = body.Trim();
        if (trimmed.StartsWith('{')) return Json.Text(TryParse(trimmed), "notification");
        foreach (var pair in trimmed.Split('&'))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && pair[..eq] == "notification") return Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' ')) is { Length: > 0 } t ? t : null;
        }

        return null;
    }

    private BoletoRecord Map(JsonNode? data)
    {
        var billet = (Json.Get(data, "payment") as JsonObject)?["banking_billet"] ?? data;
        var statusText = Json.Text(data, "status");
        var due = Json.Date(billet, "expire_at") ?? Json.Date(data, "expire_at");
        var (barcode, linha) = Codes(null, Json.Text(billet, "barcode") ?? Json.Text(data, "barcode"));
        var status = statusText?.ToLowerInvariant() switch
        {
            "new" or "waiting" or "link" => OpenStatus(due),
            "unpaid" => BoletoStatus.Overdue,
            "paid" => BoletoStatus.Paid,
            "settled" => BoletoStatus.PaidManually,
            "canceled" or "cancelled" => BoletoStatus.Cancelled,
            "expired" => BoletoStatus.Expired,
            _ => BoletoStatus.Unknown,
        };
        var paid = status == BoletoStatus.Paid;
        var pix = Json.Get(billet, "pix") ?? Json.Get(data, "pix");
        var pdf = Json.Text(Json.Get(billet, "pdf") ?? Json.Get(data, "pdf"), "charge");
        var cents = Json.Decimal(data, "total");
        var paidCents = Json.Decimal(data, "paid_value", "value_paid");
        return new BoletoRecord
        {
            ProviderId = Json.Text(data, "charge_id", "id") ?? string.Empty,
            Reference = Json.Text(data, "custom_id") ?? Json.Text(Json.Get(data, "metadata"), "custom_id"),
            Status = status,
            ProviderStatus = statusText,
            Amount = cents is { } c ? c / 100m : 0m,
            DueDate = due,
            IssueDate = Json.Date(data, "created_at"),
            Barcode = barcode,
            LinhaDigitavel = linha,
            PixCopiaECola = Json.Text(pix, "qrcode"),
            AmountPaid = paid ? (paidCents ?? cents) / 100m : null,
            PaidAt = paid ? Json.Timestamp(data, Zone, "paid_at", "received_by_bank_at") : null,
            PdfUrl = Uri.TryCreate(pdf, UriKind.Absolute, out var u) ? u : null,
        };
    }

    private JsonObject Body(BoletoRequest r)
    {
        var payer = r.Payer;
        var customer = new JsonObject { ["name"] = payer.Name };
        if (payer.Document.Kind == DocumentKind.Cnpj) customer["juridical_person"] = new JsonObject { ["corporate_name"] = payer.Name, ["cnpj"] = payer.Document.Value };
        else customer["cpf"] = payer.Document.Value;
        if (!string.IsNullOrWhiteSpace(payer.Email)) customer["email"] = payer.Email;
        customer["address"] = new JsonObject
        {
            ["street"] = payer.Street, ["number"] = payer.Number, ["neighborhood"] = payer.District, ["zipcode"] = Json.Digits(payer.ZipCode),
            ["city"] = payer.City, ["complement"] = payer.Complement ?? string.Empty, ["state"] = payer.State,
        };
        var billet = new JsonObject { ["customer"] = customer, ["expire_at"] = Iso(r.DueDate) };
        var configurations = new JsonObject { ["days_to_write_off"] = r.DaysPayableAfterDue };
        if (r.LateFees is { } fees)
        {
            if (fees.FinePercent > 0) configurations["fine"] = (int)Math.Round(fees.FinePercent * 100m, MidpointRounding.AwayFromZero);
            if (fees.InterestPercent > 0)
            {
                var daily = fees.InterestPeriod == InterestPeriod.Daily ? fees.InterestPercent : fees.InterestPercent / 30m;
                configurations["interest"] = (int)Math.Round(daily * 1000m, MidpointRounding.AwayFromZero);
            }
        }

        billet["configurations"] = configurations;
        if (r.Discount is { } d)
        {
            billet["conditional_discount"] = new JsonObject
            {
                ["type"] = d.Percent is not null ? "percentage" : "currency",
                ["value"] = d.Percent is { } pct ? (int)Math.Round(pct * 100m) : (int)Math.Round((d.Amount ?? 0) * 100m),
                ["until_date"] = Iso(d.Until),
            };
        }

        if (r.Messages.Count > 0) billet["message"] = string.Join("\n", r.Messages.Take(4).Select(m => m.Length > 100 ? m[..100] : m));
        var metadata = new JsonObject { ["custom_id"] = r.Reference };
        if (Options.NotificationUrl is { } url) metadata["notification_url"] = url.AbsoluteUri;
        return new JsonObject
        {
            ["items"] = new JsonArray(new JsonObject { ["name"] = "Fatura " + r.Reference, ["value"] = (long)Math.Round(r.Amount * 100m), ["amount"] = 1 }),
            ["metadata"] = metadata,
            ["payment"] = new JsonObject { ["banking_billet"] = billet },
        };
    }
}
