using System.Globalization;
using System.Runtime.CompilerServices;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Pix.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cobranca.Connectors.Pix;

/// <summary>
/// Client for one PSP account on the BACEN API Pix: OAuth2 <c>client_credentials</c> with a cached, single-flight
/// token, the mTLS client certificate from <see cref="PixClientOptions"/>, per-operation retries (idempotent calls
/// only) and errors mapped to the ConnectorException hierarchy (RFC 7807 <c>violacoes</c> become
/// <see cref="Cobranca.Connectors.Abstractions.FieldViolation"/>s).
/// </summary>
/// <remarks>
/// Create one per account and reuse it (it owns a connection pool); with DI use <c>services.AddPixClient(tenant, …)</c>.
/// Mock <see cref="IPixClient"/> in tests.
/// </remarks>
public sealed partial class PixClient : IPixClient, IPixRecurrenceClient, IPixDueChargeBatchClient, IDisposable
{
    private readonly PixTransport _transport;
    private readonly PixTokenProvider _tokens;
    private readonly HttpClient? _ownedClient;
    private readonly System.Security.Cryptography.X509Certificates.X509Certificate2? _ownedCertificate;

    /// <summary>Creates a client with its own connection pool and the mTLS certificate from <paramref name="options"/>.</summary>
    /// <param name="options">Account settings; copied and validated here (only <see cref="PixClientOptions.Credential"/> stays shared, for rotation).</param>
    /// <param name="loggerFactory">Logging; none by default.</param>
    /// <param name="timeProvider">The clock for token expiry, retry delays and timeouts; the system clock by default.</param>
    /// <exception cref="ArgumentException">Invalid options (the message lists every problem) or an unreadable certificate.</exception>
    public PixClient(PixClientOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = Validated(options);
        var time = timeProvider ?? TimeProvider.System;
        var certificate = PixCertificateLoader.Load(settings);
        if (!ReferenceEquals(certificate, settings.Certificate)) _ownedCertificate = certificate;
        try
        {
            _ownedClient = PixHttpHandlers.CreateClient(settings, certificate, time);
        }
        catch
        {
            _ownedCertificate?.Dispose();
            throw;
        }
        var client = _ownedClient;
        (_tokens, _transport) = Build(settings, settings.CreateCredential(), () => client, loggerFactory, time, tenant: null, meterFactory: null);
    }

    /// <summary>The DI path: the named HttpClient comes from the factory; the tenant's credential is shared with the registration (reloads update it).</summary>
    internal PixClient(PixClientOptions options, ConnectorCredential credential, Func<HttpClient> httpClient, ILoggerFactory? loggerFactory,
        TimeProvider? timeProvider, string tenant, System.Diagnostics.Metrics.IMeterFactory? meterFactory)
    {
        var settings = Validated(options);
        (_tokens, _transport) = Build(settings, credential, httpClient, loggerFactory, timeProvider ?? TimeProvider.System, tenant, meterFactory);
    }

    /// <inheritdoc />
    public string ProviderName => _transport.Provider;

    private static PixClientOptions Validated(PixClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Copy();
        ConnectorOptionsValidation.ThrowIfInvalid(nameof(PixClientOptions), settings.Validate());
        return settings;
    }

    private static (PixTokenProvider, PixTransport) Build(PixClientOptions options, ConnectorCredential credential, Func<HttpClient> httpClient,
        ILoggerFactory? loggerFactory, TimeProvider time, string? tenant, System.Diagnostics.Metrics.IMeterFactory? meterFactory)
    {
        ILogger logger = loggerFactory?.CreateLogger<PixClient>() ?? (ILogger)NullLogger.Instance;
        var tokens = new PixTokenProvider(options, credential, httpClient, time, logger);
        return (tokens, new PixTransport(options, credential, httpClient, tokens, logger, tenant, meterFactory));
    }

    /// <inheritdoc />
    public async Task<PixCharge> CreateChargeAsync(string txid, PixImmediateChargeRequest request, CancellationToken cancellationToken = default)
    {
        RequireTxid(txid);
        ArgumentNullException.ThrowIfNull(request);
        RequireCharge(request.Key, request.Amount);
        return await PutChargeAsync(txid, due: false, PixMapper.ToDto(request),
            c => c.Key == request.Key && c.Amount == request.Amount, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<PixCharge> CreateChargeAsync(PixImmediateChargeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireCharge(request.Key, request.Amount);
        var dto = await SendCobAsync(HttpMethod.Post, "cob", PixMapper.ToDto(request), retryable: false, "cob.post", cancellationToken).ConfigureAwait(false);
        return PixMapper.FromDto(dto, dueCharge: false, string.Empty);
    }

    /// <inheritdoc />
    public async Task<PixCharge> GetChargeAsync(string txid, CancellationToken cancellationToken = default)
    {
        RequireId(txid, nameof(txid));
        var dto = await SendCobAsync(HttpMethod.Get, "cob/" + Escape(txid), null, retryable: true, "cob.get", cancellationToken).ConfigureAwait(false);
        return PixMapper.FromDto(dto, dueCharge: false, txid);
    }

    /// <inheritdoc />
    public async Task<PixCharge> UpdateChargeAsync(string txid, PixChargeUpdate update, CancellationToken cancellationToken = default)
    {
        RequireId(txid, nameof(txid));
        ArgumentNullException.ThrowIfNull(update);
        var dto = await SendCobAsync(HttpMethod.Patch, "cob/" + Escape(txid), PixMapper.ToDto(update, dueCharge: false), retryable: false, "cob.patch", cancellationToken).ConfigureAwait(false);
        return PixMapper.FromDto(dto, dueCharge: false, txid);
    }

    /// <inheritdoc />
    public async Task<PixCharge> CreateDueChargeAsync(string txid, PixDueChargeRequest request, CancellationToken cancellationToken = default)
    {
        RequireTxid(txid);
        ArgumentNullException.ThrowIfNull(request);
        RequireCharge(request.Key, request.Amount);
        ArgumentNullException.ThrowIfNull(request.Debtor);
        if (request.Discount is { } d && (d.Modality is PixDiscountModality.FixedAmountUntilDates or PixDiscountModality.PercentageUntilDates)
            && d.FixedDates.Count is < 1 or > 3)
            throw new ArgumentException("Discount modalities 1 and 2 need 1 to 3 fixed dates.", nameof(request));
        return await PutChargeAsync(txid, due: true, PixMapper.ToDto(request),
            c => c.Key == request.Key && c.Amount == request.Amount && c.DueDate == request.DueDate, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<PixCharge> GetDueChargeAsync(string txid, CancellationToken cancellationToken = default)
    {
        RequireId(txid, nameof(txid));
        var dto = await SendCobAsync(HttpMethod.Get, "cobv/" + Escape(txid), null, retryable: true, "cobv.get", cancellationToken).ConfigureAwait(false);
        return PixMapper.FromDto(dto, dueCharge: true, txid);
    }

    /// <inheritdoc />
    public async Task<PixCharge> UpdateDueChargeAsync(string txid, PixChargeUpdate update, CancellationToken cancellationToken = default)
    {
        RequireId(txid, nameof(txid));
        ArgumentNullException.ThrowIfNull(update);
        var dto = await SendCobAsync(HttpMethod.Patch, "cobv/" + Escape(txid), PixMapper.ToDto(update, dueCharge: true), retryable: false, "cobv.patch", cancellationToken).ConfigureAwait(false);
        return PixMapper.FromDto(dto, dueCharge: true, txid);
    }

    /// <inheritdoc />
    public async Task<PixPayment> GetPaymentAsync(string endToEndId, CancellationToken cancellationToken = default)
    {
        RequireId(endToEndId, nameof(endToEndId));
        var dto = await _transport.SendAsync<object, PixDto>(HttpMethod.Get, "pix/" + Escape(endToEndId), null, null,
            PixJsonContext.Default.PixDto, retryable: true, "pix.get", cancellationToken).ConfigureAwait(false);
        return PixMapper.FromDto(dto!);
    }

    /// <inheritdoc />
    public async Task<PixPage<PixPayment>> ListPaymentsPageAsync(PixPaymentQuery query, int pageIndex = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(pageIndex);
        if (query.PageSize is < 1 or > 1000) throw new ArgumentOutOfRangeException(nameof(query), "PageSize must be 1 to 1000.");
        if (query.To < query.From) throw new ArgumentException("The window ends before it starts.", nameof(query));
        var path = new System.Text.StringBuilder("pix?inicio=").Append(Escape(Rfc3339(query.From)))
            .Append("&fim=").Append(Escape(Rfc3339(query.To)));
        if (query.Txid is { } txid) path.Append("&txid=").Append(Escape(txid));
        if (query.TxidPresent is { } tp) path.Append("&txIdPresente=").Append(tp ? "true" : "false");
        if (query.RefundPresent is { } rp) path.Append("&devolucaoPresente=").Append(rp ? "true" : "false");
        path.Append(CultureInfo.InvariantCulture, $"&paginacao.paginaAtual={pageIndex}&paginacao.itensPorPagina={query.PageSize}");
        var dto = await _transport.SendAsync<object, PixListDto>(HttpMethod.Get, path.ToString(), null, null,
            PixJsonContext.Default.PixListDto, retryable: true, "pix.list", cancellationToken).ConfigureAwait(false);
        var paging = dto!.Parametros?.Paginacao;
        var items = dto.Pix?.Where(p => p.EndToEndId is not null).Select(PixMapper.FromDto).ToList() ?? [];
        return new PixPage<PixPayment>
        {
            Items = items,
            PageIndex = paging?.PaginaAtual ?? pageIndex,
            PageSize = paging?.ItensPorPagina ?? query.PageSize,
            PageCount = paging?.QuantidadeDePaginas ?? (items.Count == 0 ? 0 : pageIndex + 1),
            TotalItems = paging?.QuantidadeTotalDeItens ?? items.Count,
        };
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<PixPayment> ListPaymentsAsync(PixPaymentQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var page = 0; ; page++)
        {
            var result = await ListPaymentsPageAsync(query, page, cancellationToken).ConfigureAwait(false);
            foreach (var item in result.Items) yield return item;
            // Stop on the PSP's page count, and also on an empty page (guards against a PSP that miscounts).
            if (!result.HasNextPage || result.Items.Count == 0) yield break;
        }
    }

    /// <inheritdoc />
    public async Task<PixRefund> RefundAsync(string endToEndId, string refundId, PixRefundRequest request, CancellationToken cancellationToken = default)
    {
        RequireId(endToEndId, nameof(endToEndId));
        RequireRefundId(refundId);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.Amount, nameof(request));
        var body = new DevolucaoRequestDto { Valor = request.Amount, Natureza = request.Nature, Descricao = request.Description };
        var dto = await _transport.SendAsync(HttpMethod.Put, $"pix/{Escape(endToEndId)}/devolucao/{Escape(refundId)}", body,
            PixJsonContext.Default.DevolucaoRequestDto, PixJsonContext.Default.DevolucaoDto, retryable: false, "devolucao.put",
            cancellationToken).ConfigureAwait(false);
        return PixMapper.FromDto(dto!);
    }

    /// <inheritdoc />
    public async Task<PixRefund> GetRefundAsync(string endToEndId, string refundId, CancellationToken cancellationToken = default)
    {
        RequireId(endToEndId, nameof(endToEndId));
        RequireRefundId(refundId);
        var dto = await _transport.SendAsync<object, DevolucaoDto>(HttpMethod.Get, $"pix/{Escape(endToEndId)}/devolucao/{Escape(refundId)}",
            null, null, PixJsonContext.Default.DevolucaoDto, retryable: true, "devolucao.get", cancellationToken).ConfigureAwait(false);
        return PixMapper.FromDto(dto!);
    }

    /// <inheritdoc />
    public async Task ConfigureWebhookAsync(string key, Uri webhookUrl, CancellationToken cancellationToken = default)
    {
        RequireId(key, nameof(key));
        ArgumentNullException.ThrowIfNull(webhookUrl);
        if (!webhookUrl.IsAbsoluteUri) throw new ArgumentException("The webhook URL must be absolute.", nameof(webhookUrl));
        var body = new WebhookDto { WebhookUrl = webhookUrl.AbsoluteUri };
        await _transport.SendAsync<WebhookDto, object>(HttpMethod.Put, "webhook/" + Escape(key), body, PixJsonContext.Default.WebhookDto,
            null, retryable: true, "webhook.put", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<PixWebhook> GetWebhookAsync(string key, CancellationToken cancellationToken = default)
    {
        RequireId(key, nameof(key));
        var dto = await _transport.SendAsync<object, WebhookDto>(HttpMethod.Get, "webhook/" + Escape(key), null, null,
            PixJsonContext.Default.WebhookDto, retryable: true, "webhook.get", cancellationToken).ConfigureAwait(false);
        if (!Uri.TryCreate(dto!.WebhookUrl, UriKind.Absolute, out var url))
            throw new ConnectorTransportException(ProviderName, "webhook.get", $"{ProviderName} webhook.get: the reply has no valid webhookUrl.");
        return new PixWebhook { Url = url, Key = dto.Chave, CreatedAt = dto.Criacao };
    }

    /// <inheritdoc />
    public async Task DeleteWebhookAsync(string key, CancellationToken cancellationToken = default)
    {
        RequireId(key, nameof(key));
        await _transport.SendAsync<object, object>(HttpMethod.Delete, "webhook/" + Escape(key), null, null, null,
            retryable: true, "webhook.delete", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>PUT /cob[v]/{txid}</c>. Some PSPs refuse a repeated PUT of a txid ("txid já utilizado") instead of answering
    /// it again; a re-run (a retry after a lost reply, a restarted job) must still get its charge, so on a validation
    /// error the charge is read back and returned when it is the same one (same key, amount and due date). Anything
    /// else is a real rejection and the original error is thrown.
    /// </summary>
    private async Task<PixCharge> PutChargeAsync(string txid, bool due, CobRequestDto body, Func<PixCharge, bool> isSameCharge,
        CancellationToken cancellationToken)
    {
        var kind = due ? "cobv" : "cob";
        ConnectorValidationException rejected;
        try
        {
            var dto = await SendCobAsync(HttpMethod.Put, $"{kind}/{Escape(txid)}", body, retryable: true, kind + ".put", cancellationToken).ConfigureAwait(false);
            return PixMapper.FromDto(dto, due, txid);
        }
        catch (ConnectorValidationException ex)
        {
            rejected = ex;
        }

        PixCharge? existing = null;
        try
        {
            existing = due ? await GetDueChargeAsync(txid, cancellationToken).ConfigureAwait(false)
                : await GetChargeAsync(txid, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorNotFoundException)
        {
            // no such charge: the rejection stands
        }

        if (existing is not null && isSameCharge(existing)) return existing;
        throw rejected;
    }

    private async Task<CobResponseDto> SendCobAsync(HttpMethod method, string path, CobRequestDto? body, bool retryable, string operation,
        CancellationToken cancellationToken) =>
        (await _transport.SendAsync(method, path, body, body is null ? null : PixJsonContext.Default.CobRequestDto,
            PixJsonContext.Default.CobResponseDto, retryable, operation, cancellationToken).ConfigureAwait(false))!;

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    private static string Rfc3339(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static void RequireTxid(string txid)
    {
        if (!PixTxid.IsValid(txid))
            throw new ArgumentException("A client-chosen txid must be 26 to 35 letters or digits ([a-zA-Z0-9]{26,35}).", nameof(txid));
    }

    private static void RequireRefundId(string refundId)
    {
        if (string.IsNullOrEmpty(refundId) || refundId.Length > 35 || !refundId.All(char.IsAsciiLetterOrDigit))
            throw new ArgumentException("A refund id must be 1 to 35 letters or digits.", nameof(refundId));
    }

    private static void RequireId(string value, string name) => ArgumentException.ThrowIfNullOrWhiteSpace(value, name);

    private static void RequireCharge(string key, decimal amount)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key, "request.Key");
        if (amount <= 0 || Math.Round(amount, 2) != amount || amount >= 10_000_000_000m)
            throw new ArgumentOutOfRangeException("request.Amount", "The amount must be positive, with at most 2 decimals and 10 integer digits.");
    }

    /// <summary>Releases the connection pool and the loaded certificate when this client created them.</summary>
    public void Dispose()
    {
        _ownedClient?.Dispose();
        _ownedCertificate?.Dispose();
        _tokens.Dispose();
        _transport.Dispose();
    }
}
