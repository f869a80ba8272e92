using System.Globalization;
using System.Text.Json.Nodes;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Boleto.Providers.Internal;

/// <summary>One bank's paths, bodies and status names over the shared <see cref="BoletoTransport"/>.</summary>
internal abstract class BankAdapter(BoletoTransport transport, BoletoBankClientOptions options, TimeProvider time)
{
    protected BoletoTransport Transport { get; } = transport;

    protected BoletoBankClientOptions Options { get; } = options;

    protected TimeProvider Time { get; } = time;

    protected TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone ?? "America/Sao_Paulo");

    public string Provider => Transport.Provider;

    public abstract BoletoCapabilities Capabilities { get; }

    public abstract Task<BoletoRecord> RegisterAsync(BoletoRequest request, CancellationToken cancellationToken);

    public abstract Task<BoletoRecord> GetAsync(string providerId, CancellationToken cancellationToken);

    public abstract Task<BoletoRecord?> FindByReferenceAsync(string reference, DateOnly issuedOn, CancellationToken cancellationToken);

    public virtual IAsyncEnumerable<BoletoRecord> ListAsync(BoletoQuery query, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{Provider} cannot list boletos by date.");

    public virtual Task CancelAsync(string providerId, BoletoCancelReason reason, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{Provider} cannot cancel boletos.");

    public virtual Task<byte[]> GetPdfAsync(string providerId, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{Provider} does not serve boleto PDFs.");

    public virtual IAsyncEnumerable<BoletoRecord> ListPaidAsync(DateOnly day, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{Provider} cannot list the boletos paid on a day.");

    /// <summary>The provider ids a webhook body points at (hints only: each is re-queried before anything is trusted).</summary>
    public abstract Task<IReadOnlyList<string>> ReadWebhookHintsAsync(string body, CancellationToken cancellationToken);

    protected DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Time.GetUtcNow(), Zone).DateTime);

    protected static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    protected static string Escape(string id) => Uri.EscapeDataString(id);

    /// <summary>Status for a boleto that is open: overdue after its due date.</summary>
    protected BoletoStatus OpenStatus(DateOnly? due) => due is { } d && d < Today() ? BoletoStatus.Overdue : BoletoStatus.Pending;

    /// <summary>Bare digits of barcode and linha, each derived from the other when only one came (validated with the codec).</summary>
    protected (string? Barcode, string? Linha) Codes(string? barcode, string? linha)
    {
        var b = Json.Digits(barcode);
        var l = Json.Digits(linha);
        var source = l.Length == 47 ? l : b.Length == 44 ? b : null;
        if (source is not null && BoletoCode.TryParse(source, Today(), out var code))
            return (code.Barcode, code.DigitableLine);
        return (b.Length == 0 ? null : b, l.Length == 0 ? null : l);
    }

    protected static bool IsDuplicate(ConnectorValidationException ex, params string[] codes)
    {
        var text = (ex.Message ?? string.Empty).ToUpperInvariant();
        if (ex.ProviderErrorCode is { } code && codes.Any(c => code.StartsWith(c, StringComparison.Ordinal))) return true;
        return text.Contains("JÁ INCLU", StringComparison.Ordinal) || text.Contains("JA INCLU", StringComparison.Ordinal)
            || text.Contains("DUPLICAD", StringComparison.Ordinal) || text.Contains("JÁ EXISTE", StringComparison.Ordinal)
            || text.Contains("JÁ CADASTRAD", StringComparison.Ordinal) || text.Contains("DUPLICATE", StringComparison.Ordinal);
    }

    /// <summary>Collects every string/number value of <paramref name="field"/> anywhere in the JSON (webhook bodies whose shape is unsure).</summary>
    protected static List<string> Collect(JsonNode? node, string field)
    {
        var found = new List<string>();
        void Walk(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject o:
                    if (Json.Text(o, field) is { } v && !found.Contains(v, StringComparer.Ordinal)) found.Add(v);
                    foreach (var (_, child) in o) if (child is JsonObject or JsonArray) Walk(child);
                    break;
                case JsonArray a:
                    foreach (var child in a) Walk(child);
                    break;
            }
        }

        Walk(node);
        return found;
    }

    protected static JsonNode? TryParse(string body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>Monthly-equivalent interest percent of the request (daily × 30).</summary>
    protected static decimal MonthlyInterest(LateFeePolicy fees) =>
        fees.InterestPeriod == InterestPeriod.Daily ? fees.InterestPercent * 30m : fees.InterestPercent;
}
