using System.Collections.Concurrent;
using System.Globalization;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.MkAuth.Internal;

namespace Cobranca.Connectors.MkAuth;

public sealed partial class MkAuthClient
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _unlockLocks = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task<MkAuthTitle?> GetTitleAsync(string titleId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(titleId);
        using var reply = await GetAsync("titulo/show", "titulo/show/" + Segment(titleId), cancellationToken).ConfigureAwait(false);
        if (reply.IsNotFound) return null;
        var rows = reply.Rows("titulos", "titulo");
        return rows.Count == 0 ? null
            : MkAuthMapper.ToTitle(rows[0]) ?? throw MkAuthReply.Error("titulo/show", "the reply is not a title row (no uuid, datavenc or valor).", "(not shown)");
    }

    internal async Task<PaymentSlip> GetPaymentSlipAsync(string invoiceId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(invoiceId);
        var server = await DetectAsync(cancellationToken).ConfigureAwait(false);
        var title = await GetTitleAsync(invoiceId, cancellationToken).ConfigureAwait(false);
        if (title is null || title.Deleted)
            throw new ConnectorNotFoundException(ProviderName, "titulo/show", $"MK-Auth has no title {invoiceId}{(title is null ? "" : " (cancelled)")}.");
        Uri? page = null;
        if (server.BoletoPagePath is { } path && title.Number is { } number)
            page = new Uri(_root, $"{path}?titulo={Uri.EscapeDataString(number)}");
        return new PaymentSlip
        {
            InvoiceId = title.Uuid,
            Amount = title.Amount,
            DueDate = title.DueDate,
            DigitableLine = title.DigitableLine,
            PixCopyPaste = title.PixCopyPaste,
            PdfUrl = page,
        };
    }

    /// <inheritdoc />
    public async Task SetBlockedAsync(string customerUuid, bool blocked, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerUuid);
        var server = await DetectAsync(cancellationToken).ConfigureAwait(false);
        if (!server.Has(MkAuthFeatures.ClientEdit))
            throw new NotSupportedException("This MK-Auth install has no PUT /api/cliente/editar (or the API user may not use PUT): it cannot block or unblock through the API. Block on the router (MikroTik connector).");
        using var reply = await WriteAsync("cliente/editar", HttpMethod.Put, "cliente/editar",
            Json(("uuid", customerUuid.Trim()), ("bloqueado", blocked ? "sim" : "nao")), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task ReceivePaymentAsync(string titleUuid, decimal amount, string method = "PIX", CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(titleUuid);
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        using var reply = await WriteAsync("titulo/receber", HttpMethod.Put, "titulo/receber",
            Json(("uuid", titleUuid.Trim()), ("valor", Money.ToInvariantString(amount)), ("forma", method.Trim()), ("coletor", "API")),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The SDK's trust-unlock policy (MK-Auth has none): only a blocked, activated login; refused while an unlock is active
    /// (the store's or MK-Auth's own <c>observacao</c>); at most once per <see cref="MkAuthClientOptions.TrustUnlockMinimumInterval"/>
    /// per customer. Applied with <c>cliente/desbloqueio/{uuid}</c> where the install has it, else <c>cliente/editar</c>
    /// (<c>bloqueado=nao</c>, <c>observacao=sim</c>, <c>rem_obs</c> = the end date).
    /// </summary>
    internal async Task<TrustUnlockResult> RequestTrustUnlockAsync(string contractId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contractId);
        var server = await DetectAsync(cancellationToken).ConfigureAwait(false);
        var viaRoute = server.Has(MkAuthFeatures.TrustUnlockRoute);
        if (!viaRoute && !server.Has(MkAuthFeatures.ClientEdit))
            throw new NotSupportedException("This MK-Auth install has neither cliente/desbloqueio nor cliente/editar: no trust unlock through the API.");

        var row = await GetCustomerAsync(contractId, cancellationToken).ConfigureAwait(false);
        if (row is null || (!string.Equals(row.Uuid, contractId.Trim(), StringComparison.OrdinalIgnoreCase)
                            && !string.Equals(row.Login, contractId.Trim(), StringComparison.OrdinalIgnoreCase)))
            throw new ConnectorNotFoundException(ProviderName, "trust-unlock", $"MK-Auth has no login {contractId}.");
        var customerId = (await CanonicalAsync(row, cancellationToken).ConfigureAwait(false)).Uuid;

        var gate = _unlockLocks.GetOrAdd(customerId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await DecideAndApplyAsync(row, customerId, viaRoute, cancellationToken).ConfigureAwait(false);
            MkAuthLog.TrustUnlock(_logger, row.Uuid, result.Outcome.ToString(), result.ProviderCode);
            return result;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<TrustUnlockResult> DecideAndApplyAsync(MkAuthCustomer row, string customerId, bool viaRoute, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (!row.Activated) return TrustUnlockResult.NotEligible("The login is deactivated in MK-Auth (cli_ativado=n).", "cli_ativado=n");
        if (row.ObservationUntil is { } observing && observing > now)
            return TrustUnlockResult.AlreadyActive("observacao=sim");
        var latest = await _trustStore.GetLatestAsync(_tenant, customerId, cancellationToken).ConfigureAwait(false);
        if (latest is not null && latest.Until > now && !row.Blocked) return TrustUnlockResult.AlreadyActive(latest.Method);
        if (latest is not null && latest.Until > now)
            return TrustUnlockResult.NotEligible($"Another trust unlock of this customer is active until {latest.Until:yyyy-MM-dd HH:mm} (UTC offset {latest.Until:zzz}).", latest.Method);
        if (!row.Blocked) return TrustUnlockResult.NotEligible("The login is not blocked in MK-Auth (bloqueado=nao): nothing to unlock.", "bloqueado=nao");
        if (latest is not null && now - latest.GrantedAt < _options.TrustUnlockMinimumInterval)
            return TrustUnlockResult.LimitReached(
                $"A trust unlock was granted on {latest.GrantedAt:yyyy-MM-dd}; the policy allows one per {_options.TrustUnlockMinimumInterval.TotalDays:0} days.", latest.Method);

        var localNow = LocalNow();
        var until = localNow.AddDays(_options.TrustUnlockDays);
        string method;
        if (viaRoute)
        {
            method = "cliente/desbloqueio";
            using var reply = await WriteAsync(method, HttpMethod.Get, "cliente/desbloqueio/" + Segment(row.Uuid), null, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            method = "cliente/editar";
            using var reply = await WriteAsync(method, HttpMethod.Put, "cliente/editar", Json(("uuid", row.Uuid), ("bloqueado", "nao"),
                ("observacao", "sim"), ("rem_obs", until.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))), cancellationToken).ConfigureAwait(false);
        }

        // The write succeeded: from here on nothing reports failure. Read back what MK-Auth set (its own route decides the period).
        DateTimeOffset? reportedUntil = viaRoute ? null : until;
        try
        {
            var after = await GetCustomerAsync(row.Uuid, cancellationToken).ConfigureAwait(false);
            if (after?.ObservationUntil is { } set) reportedUntil = set;
        }
        catch (ConnectorException)
        {
            // The unlock is applied; the read-back is only for the date.
        }
        var grant = new MkAuthTrustUnlockGrant(_tenant, customerId, row.Uuid, now, reportedUntil ?? until, method);
        if (!await _trustStore.TryAddAsync(grant, latest, CancellationToken.None).ConfigureAwait(false))
            MkAuthLog.GrantNotRecorded(_logger, row.Uuid);
        return TrustUnlockResult.Granted(reportedUntil, method);
    }
}
