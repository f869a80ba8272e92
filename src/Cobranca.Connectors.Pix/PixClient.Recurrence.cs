using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Pix.Internal;

namespace Cobranca.Connectors.Pix;

// Pix Automático (IPixRecurrenceClient): rec, locrec, solicrec, cobr, retentativa, webhookrec / webhookcobr.
public sealed partial class PixClient
{
    /// <inheritdoc />
    public async Task<PixRecurrenceLocation> CreateRecurrenceLocationAsync(CancellationToken cancellationToken = default)
    {
        var dto = await _transport.SendAsync<object, RecLocDto>(HttpMethod.Post, RecPath("locrec"), null, null,
            PixJsonContext.Default.RecLocDto, retryable: false, "locrec.post", cancellationToken).ConfigureAwait(false);
        return RequireLocation(PixRecurrenceMapper.FromDto(dto!), "locrec.post");
    }

    /// <inheritdoc />
    public async Task<PixRecurrenceLocation> GetRecurrenceLocationAsync(long id, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(id);
        var dto = await _transport.SendAsync<object, RecLocDto>(HttpMethod.Get, RecPath("locrec/" + id.ToString(CultureInfo.InvariantCulture)), null, null,
            PixJsonContext.Default.RecLocDto, retryable: true, "locrec.get", cancellationToken).ConfigureAwait(false);
        return RequireLocation(PixRecurrenceMapper.FromDto(dto!), "locrec.get");
    }

    /// <inheritdoc />
    public async Task<PixRecurrenceLocation> UnlinkRecurrenceLocationAsync(long id, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(id);
        var dto = await _transport.SendAsync<object, RecLocDto>(HttpMethod.Delete, RecPath($"locrec/{id.ToString(CultureInfo.InvariantCulture)}/idRec"), null, null,
            PixJsonContext.Default.RecLocDto, retryable: true, "locrec.unlink", cancellationToken).ConfigureAwait(false);
        return RequireLocation(PixRecurrenceMapper.FromDto(dto!), "locrec.unlink");
    }

    /// <inheritdoc />
    public async Task<PixRecurrence> CreateRecurrenceAsync(PixRecurrenceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ValidateRecurrence(request);
        var dto = await SendRecAsync(HttpMethod.Post, RecPath("rec"), PixRecurrenceMapper.ToDto(request), retryable: false, "rec.post", cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(dto.IdRec))
            throw new ConnectorTransportException(ProviderName, "rec.post", $"{ProviderName} rec.post: the reply has no idRec.");
        return PixRecurrenceMapper.FromDto(dto, string.Empty);
    }

    /// <inheritdoc />
    public async Task<PixRecurrence> GetRecurrenceAsync(string recurrenceId, string? txid = null, CancellationToken cancellationToken = default)
    {
        RequireId(recurrenceId, nameof(recurrenceId));
        var path = "rec/" + Escape(recurrenceId) + (txid is null ? string.Empty : "?txid=" + Escape(txid));
        var dto = await SendRecAsync(HttpMethod.Get, RecPath(path), null, retryable: true, "rec.get", cancellationToken).ConfigureAwait(false);
        return PixRecurrenceMapper.FromDto(dto, recurrenceId);
    }

    /// <inheritdoc />
    public async Task<PixPage<PixRecurrence>> ListRecurrencesPageAsync(PixRecurrenceQuery query, int pageIndex = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Agreement is { Length: > 60 }) throw new ArgumentException("Agreement must be at most 60 characters.", nameof(query));
        var path = ListPath("rec", query.From, query.To, query.PageSize, pageIndex);
        AppendDocument(path, query.Debtor);
        if (query.Status is { } status) path.Append("&status=").Append(PixRecurrenceCodes.Code(status));
        if (query.LocationPresent is { } lp) path.Append("&locationPresente=").Append(lp ? "true" : "false");
        if (query.Agreement is { } agreement) path.Append("&convenio=").Append(Escape(agreement));
        var dto = await _transport.SendAsync<object, RecListDto>(HttpMethod.Get, RecPath(path.ToString()), null, null,
            PixJsonContext.Default.RecListDto, retryable: true, "rec.list", cancellationToken).ConfigureAwait(false);
        var items = dto!.Recs?.Where(r => r.IdRec is not null).Select(r => PixRecurrenceMapper.FromDto(r, r.IdRec!)).ToList() ?? [];
        return Page(items, dto.Parametros?.Paginacao, pageIndex, query.PageSize);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<PixRecurrence> ListRecurrencesAsync(PixRecurrenceQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var page = 0; ; page++)
        {
            var result = await ListRecurrencesPageAsync(query, page, cancellationToken).ConfigureAwait(false);
            foreach (var item in result.Items) yield return item;
            if (!result.HasNextPage || result.Items.Count == 0) yield break;
        }
    }

    /// <inheritdoc />
    public async Task<PixRecurrence> UpdateRecurrenceAsync(string recurrenceId, PixRecurrenceUpdate update, CancellationToken cancellationToken = default)
    {
        RequireId(recurrenceId, nameof(recurrenceId));
        ArgumentNullException.ThrowIfNull(update);
        if (update.LocationId is null && update.StartDate is null && update.DebtorName is null && update.JourneyTxid is null)
            throw new ArgumentException("The update changes nothing.", nameof(update));
        var dto = await SendRecAsync(HttpMethod.Patch, RecPath("rec/" + Escape(recurrenceId)), PixRecurrenceMapper.ToDto(update), retryable: false, "rec.patch", cancellationToken).ConfigureAwait(false);
        return PixRecurrenceMapper.FromDto(dto, recurrenceId);
    }

    /// <inheritdoc />
    public async Task<PixRecurrence> CancelRecurrenceAsync(string recurrenceId, CancellationToken cancellationToken = default)
    {
        RequireId(recurrenceId, nameof(recurrenceId));
        var path = RecPath("rec/" + Escape(recurrenceId));
        if (_transport.Profile?.CancelsRecurrenceWithDelete == true)
        {
            await _transport.SendAsync<object, object>(HttpMethod.Delete, path, null, null, null, retryable: false, "rec.delete", cancellationToken).ConfigureAwait(false);
            return await GetRecurrenceAsync(recurrenceId, null, cancellationToken).ConfigureAwait(false);
        }

        var dto = await SendRecAsync(HttpMethod.Patch, path, new RecRequestDto { Status = "CANCELADA" }, retryable: false, "rec.cancel", cancellationToken).ConfigureAwait(false);
        return PixRecurrenceMapper.FromDto(dto, recurrenceId);
    }

    /// <inheritdoc />
    public async Task<PixRecurrenceConfirmation> RequestRecurrenceConfirmationAsync(PixRecurrenceConfirmationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireId(request.RecurrenceId, "request.RecurrenceId");
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Account, "request.Account");
        if (request.Ispb is not { Length: 8 } ispb || !ispb.All(char.IsAsciiDigit))
            throw new ArgumentException("The ISPB must be 8 digits.", nameof(request));
        var body = new SolicRecDto
        {
            IdRec = request.RecurrenceId,
            Calendario = request.ExpiresAt is { } e ? new SolicRecCalendarioDto { DataExpiracaoSolicitacao = e.ToUniversalTime() } : null,
            Destinatario = new SolicRecDestinatarioDto
            {
                Agencia = request.Branch,
                Conta = request.Account,
                IspbParticipante = ispb,
                Cpf = request.Payer.Kind == DocumentKind.Cpf ? request.Payer.Value : null,
                Cnpj = request.Payer.Kind == DocumentKind.Cnpj ? request.Payer.Value : null,
            },
        };
        var dto = await _transport.SendAsync(HttpMethod.Post, RecPath("solicrec"), body, PixJsonContext.Default.SolicRecDto,
            PixJsonContext.Default.SolicRecDto, retryable: false, "solicrec.post", cancellationToken).ConfigureAwait(false);
        return PixRecurrenceMapper.FromDto(dto!, string.Empty);
    }

    /// <inheritdoc />
    public async Task<PixRecurrenceConfirmation> GetRecurrenceConfirmationAsync(string id, CancellationToken cancellationToken = default)
    {
        RequireId(id, nameof(id));
        var dto = await _transport.SendAsync<object, SolicRecDto>(HttpMethod.Get, RecPath("solicrec/" + Escape(id)), null, null,
            PixJsonContext.Default.SolicRecDto, retryable: true, "solicrec.get", cancellationToken).ConfigureAwait(false);
        return PixRecurrenceMapper.FromDto(dto!, id);
    }

    /// <inheritdoc />
    public async Task<PixRecurrenceConfirmation> CancelRecurrenceConfirmationAsync(string id, CancellationToken cancellationToken = default)
    {
        RequireId(id, nameof(id));
        var dto = await _transport.SendAsync(HttpMethod.Patch, RecPath("solicrec/" + Escape(id)), new SolicRecDto { Status = "CANCELADA" },
            PixJsonContext.Default.SolicRecDto, PixJsonContext.Default.SolicRecDto, retryable: false, "solicrec.cancel", cancellationToken).ConfigureAwait(false);
        return PixRecurrenceMapper.FromDto(dto!, id);
    }

    /// <inheritdoc />
    public async Task<PixRecurringCharge> CreateRecurringChargeAsync(string txid, PixRecurringChargeRequest request, CancellationToken cancellationToken = default)
    {
        RequireTxid(txid);
        ValidateRecurringCharge(request);
        ConnectorValidationException rejected;
        try
        {
            var dto = await SendCobrAsync(HttpMethod.Put, RecPath("cobr/" + Escape(txid)), PixRecurrenceMapper.ToDto(request), retryable: true, "cobr.put", cancellationToken).ConfigureAwait(false);
            return PixRecurrenceMapper.FromDto(dto, txid);
        }
        catch (ConnectorValidationException ex)
        {
            rejected = ex;
        }

        // A re-run after a lost reply: the PSP may refuse the repeated txid. The same charge (recurrence, amount, due
        // date) is the success the caller asked for; anything else is a real rejection.
        PixRecurringCharge? existing = null;
        try
        {
            existing = await GetRecurringChargeAsync(txid, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorNotFoundException)
        {
            // no such charge: the rejection stands
        }

        if (existing is not null && existing.RecurrenceId == request.RecurrenceId && existing.Amount == request.Amount && existing.DueDate == request.DueDate)
            return existing;
        throw rejected;
    }

    /// <inheritdoc />
    public async Task<PixRecurringCharge> CreateRecurringChargeAsync(PixRecurringChargeRequest request, CancellationToken cancellationToken = default)
    {
        ValidateRecurringCharge(request);
        var dto = await SendCobrAsync(HttpMethod.Post, RecPath("cobr"), PixRecurrenceMapper.ToDto(request), retryable: false, "cobr.post", cancellationToken).ConfigureAwait(false);
        return PixRecurrenceMapper.FromDto(dto, string.Empty);
    }

    /// <inheritdoc />
    public async Task<PixRecurringCharge> GetRecurringChargeAsync(string txid, CancellationToken cancellationToken = default)
    {
        RequireId(txid, nameof(txid));
        var dto = await SendCobrAsync(HttpMethod.Get, RecPath("cobr/" + Escape(txid)), null, retryable: true, "cobr.get", cancellationToken).ConfigureAwait(false);
        return PixRecurrenceMapper.FromDto(dto, txid);
    }

    /// <inheritdoc />
    public async Task<PixPage<PixRecurringCharge>> ListRecurringChargesPageAsync(PixRecurringChargeQuery query, int pageIndex = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Agreement is { Length: > 60 }) throw new ArgumentException("Agreement must be at most 60 characters.", nameof(query));
        var path = ListPath("cobr", query.From, query.To, query.PageSize, pageIndex);
        if (query.RecurrenceId is { } idRec) path.Append("&idRec=").Append(Escape(idRec));
        AppendDocument(path, query.Debtor);
        if (query.Status is { } status) path.Append("&status=").Append(PixRecurrenceCodes.Code(status));
        if (query.Agreement is { } agreement) path.Append("&convenio=").Append(Escape(agreement));
        var dto = await _transport.SendAsync<object, CobRListDto>(HttpMethod.Get, RecPath(path.ToString()), null, null,
            PixJsonContext.Default.CobRListDto, retryable: true, "cobr.list", cancellationToken).ConfigureAwait(false);
        var items = dto!.Cobsr?.Where(c => c.Txid is not null).Select(c => PixRecurrenceMapper.FromDto(c, c.Txid!)).ToList() ?? [];
        return Page(items, dto.Parametros?.Paginacao, pageIndex, query.PageSize);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<PixRecurringCharge> ListRecurringChargesAsync(PixRecurringChargeQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var page = 0; ; page++)
        {
            var result = await ListRecurringChargesPageAsync(query, page, cancellationToken).ConfigureAwait(false);
            foreach (var item in result.Items) yield return item;
            if (!result.HasNextPage || result.Items.Count == 0) yield break;
        }
    }

    /// <inheritdoc />
    public async Task<PixRecurringCharge> CancelRecurringChargeAsync(string txid, CancellationToken cancellationToken = default)
    {
        RequireId(txid, nameof(txid));
        var dto = await SendCobrAsync(HttpMethod.Patch, RecPath("cobr/" + Escape(txid)), new CobRDto { Status = "CANCELADA" }, retryable: false, "cobr.cancel", cancellationToken).ConfigureAwait(false);
        return PixRecurrenceMapper.FromDto(dto, txid);
    }

    /// <inheritdoc />
    public async Task<PixRecurringCharge> RequestRecurringChargeRetryAsync(string txid, DateOnly date, CancellationToken cancellationToken = default)
    {
        RequireId(txid, nameof(txid));
        var dto = await SendCobrAsync(HttpMethod.Post, RecPath($"cobr/{Escape(txid)}/retentativa/{PixRecurrenceMapper.Date(date)}"), null, retryable: false,
            "cobr.retry", cancellationToken).ConfigureAwait(false);
        return PixRecurrenceMapper.FromDto(dto, txid);
    }

    /// <inheritdoc />
    public Task ConfigureRecurrenceWebhookAsync(Uri webhookUrl, CancellationToken cancellationToken = default) =>
        PutResourceWebhookAsync("webhookrec", webhookUrl, cancellationToken);

    /// <inheritdoc />
    public Task<PixWebhook> GetRecurrenceWebhookAsync(CancellationToken cancellationToken = default) =>
        GetResourceWebhookAsync("webhookrec", cancellationToken);

    /// <inheritdoc />
    public Task DeleteRecurrenceWebhookAsync(CancellationToken cancellationToken = default) =>
        _transport.SendAsync<object, object>(HttpMethod.Delete, RecPath("webhookrec"), null, null, null, retryable: true, "webhookrec.delete", cancellationToken);

    /// <inheritdoc />
    public Task ConfigureRecurringChargeWebhookAsync(Uri webhookUrl, CancellationToken cancellationToken = default) =>
        PutResourceWebhookAsync("webhookcobr", webhookUrl, cancellationToken);

    /// <inheritdoc />
    public Task<PixWebhook> GetRecurringChargeWebhookAsync(CancellationToken cancellationToken = default) =>
        GetResourceWebhookAsync("webhookcobr", cancellationToken);

    /// <inheritdoc />
    public Task DeleteRecurringChargeWebhookAsync(CancellationToken cancellationToken = default) =>
        _transport.SendAsync<object, object>(HttpMethod.Delete, RecPath("webhookcobr"), null, null, null, retryable: true, "webhookcobr.delete", cancellationToken);

    private async Task PutResourceWebhookAsync(string resource, Uri webhookUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhookUrl);
        if (!webhookUrl.IsAbsoluteUri) throw new ArgumentException("The webhook URL must be absolute.", nameof(webhookUrl));
        await _transport.SendAsync<WebhookDto, object>(HttpMethod.Put, RecPath(resource), new WebhookDto { WebhookUrl = webhookUrl.AbsoluteUri },
            PixJsonContext.Default.WebhookDto, null, retryable: true, resource + ".put", cancellationToken).ConfigureAwait(false);
    }

    private async Task<PixWebhook> GetResourceWebhookAsync(string resource, CancellationToken cancellationToken)
    {
        var dto = await _transport.SendAsync<object, WebhookDto>(HttpMethod.Get, RecPath(resource), null, null,
            PixJsonContext.Default.WebhookDto, retryable: true, resource + ".get", cancellationToken).ConfigureAwait(false);
        if (!Uri.TryCreate(dto!.WebhookUrl, UriKind.Absolute, out var url))
            throw new ConnectorTransportException(ProviderName, resource + ".get", $"{ProviderName} {resource}.get: the reply has no valid webhookUrl.");
        return new PixWebhook { Url = url, CreatedAt = dto.Criacao };
    }

    private async Task<RecDto> SendRecAsync(HttpMethod method, string path, RecRequestDto? body, bool retryable, string operation, CancellationToken cancellationToken) =>
        (await _transport.SendAsync(method, path, body, body is null ? null : PixJsonContext.Default.RecRequestDto,
            PixJsonContext.Default.RecDto, retryable, operation, cancellationToken).ConfigureAwait(false))!;

    private async Task<CobRDto> SendCobrAsync(HttpMethod method, string path, CobRDto? body, bool retryable, string operation, CancellationToken cancellationToken) =>
        (await _transport.SendAsync(method, path, body, body is null ? null : PixJsonContext.Default.CobRDto,
            PixJsonContext.Default.CobRDto, retryable, operation, cancellationToken).ConfigureAwait(false))!;

    /// <summary>The profile's recurrence prefix (Sicredi versions these resources apart) in front of a relative path.</summary>
    private string RecPath(string path) => (_transport.Profile?.RecurrencePathPrefix ?? string.Empty) + path;

    private PixRecurrenceLocation RequireLocation(PixRecurrenceLocation location, string operation) =>
        location.Id > 0 && location.Location.Length > 0 ? location
            : throw new ConnectorTransportException(ProviderName, operation, $"{ProviderName} {operation}: the reply has no location id or URL.");

    private static StringBuilder ListPath(string resource, DateTimeOffset from, DateTimeOffset to, int pageSize, int pageIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pageIndex);
        if (pageSize is < 1 or > 1000) throw new ArgumentOutOfRangeException(nameof(pageSize), "PageSize must be 1 to 1000.");
        if (to < from) throw new ArgumentException("The window ends before it starts.", nameof(to));
        return new StringBuilder(resource).Append("?inicio=").Append(Escape(Rfc3339(from))).Append("&fim=").Append(Escape(Rfc3339(to)))
            .Append(CultureInfo.InvariantCulture, $"&paginacao.paginaAtual={pageIndex}&paginacao.itensPorPagina={pageSize}");
    }

    private static void AppendDocument(StringBuilder path, Document? document)
    {
        if (document is not { } d) return;
        path.Append(d.Kind == DocumentKind.Cnpj ? "&cnpj=" : "&cpf=").Append(Escape(d.Value));
    }

    private static PixPage<T> Page<T>(List<T> items, PaginacaoDto? paging, int pageIndex, int pageSize) => new()
    {
        Items = items,
        PageIndex = paging?.PaginaAtual ?? pageIndex,
        PageSize = paging?.ItensPorPagina ?? pageSize,
        PageCount = paging?.QuantidadeDePaginas ?? (items.Count == 0 ? 0 : pageIndex + 1),
        TotalItems = paging?.QuantidadeTotalDeItens ?? items.Count,
    };

    private static void ValidateRecurrence(PixRecurrenceRequest r)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(r.Contract) || r.Contract.Length > 35) problems.Add("Contract must be 1 to 35 characters.");
        if (r.Description is { Length: > 35 }) problems.Add("Description must be at most 35 characters.");
        if (string.IsNullOrWhiteSpace(r.DebtorName) || r.DebtorName.Length > 140) problems.Add("DebtorName must be 1 to 140 characters.");
        if (r.Debtor.Kind is not (DocumentKind.Cpf or DocumentKind.Cnpj)) problems.Add("Debtor must be a CPF or CNPJ.");
        if (r.FixedAmount is not null && r.MinimumAmount is not null) problems.Add("Set FixedAmount or MinimumAmount, not both.");
        if (r.FixedAmount is { } f && !IsAmount(f)) problems.Add("FixedAmount must be positive with at most 2 decimals.");
        if (r.MinimumAmount is { } m && !IsAmount(m)) problems.Add("MinimumAmount must be positive with at most 2 decimals.");
        if (r.EndDate is { } end && end < r.StartDate) problems.Add("EndDate is before StartDate.");
        if (r.Periodicity == PixRecurrencePeriodicity.Unknown) problems.Add("Periodicity is required.");
        if (r.RetryPolicy == PixRetryPolicy.Unknown) problems.Add("RetryPolicy is required.");
        if (r.JourneyTxid is { } t && !PixTxid.IsValid(t)) problems.Add("JourneyTxid must be 26 to 35 letters or digits.");
        if (r.Agreement is { Length: > 60 }) problems.Add("Agreement must be at most 60 characters.");
        if (problems.Count > 0) throw new ArgumentException("Invalid recurrence: " + string.Join(" ", problems), nameof(r));
    }

    private static void ValidateRecurringCharge(PixRecurringChargeRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(r.RecurrenceId)) problems.Add("RecurrenceId is required.");
        if (!IsAmount(r.Amount)) problems.Add("Amount must be positive with at most 2 decimals and 10 integer digits.");
        if (string.IsNullOrWhiteSpace(r.ReceiverAccount) || r.ReceiverAccount.Length > 20) problems.Add("ReceiverAccount must be 1 to 20 characters.");
        if (r.ReceiverAccountType is not ("CORRENTE" or "POUPANCA" or "PAGAMENTO")) problems.Add("ReceiverAccountType must be CORRENTE, POUPANCA or PAGAMENTO.");
        if (r.ReceiverBranch is { Length: > 4 }) problems.Add("ReceiverBranch must be at most 4 characters.");
        if (r.Information is { Length: > 140 }) problems.Add("Information must be at most 140 characters.");
        if (problems.Count > 0) throw new ArgumentException("Invalid recurring charge: " + string.Join(" ", problems), nameof(r));
    }

    private static bool IsAmount(decimal amount) => amount > 0 && Math.Round(amount, 2) == amount && amount < 10_000_000_000m;
}
