using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Ixc.Internal;

namespace Cobranca.Connectors.Ixc;

public partial class IxcClient
{
    /// <summary>
    /// The customer's contracts (<c>cliente_contrato.id_cliente = id</c>), every status included, with the access state
    /// mapped from <c>status</c>/<c>status_internet</c> (raw code kept in <see cref="AccessState.RawCode"/>) and the
    /// PPPoE login from <c>radusuarios</c>. The login is an enrichment: when IXC refuses <c>radusuarios</c> to this user
    /// the contracts come without it (<see cref="Contract.Login"/> null) and one warning is logged (see
    /// <see cref="RadiusUsersAvailable"/>).
    /// </summary>
    /// <param name="customerId">The customer id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<IReadOnlyList<Contract>> GetContractsAsync(string customerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        var contracts = ListRowsAsync(IxcListing.Where("cliente_contrato", "id_cliente", "=", customerId.Trim()), cancellationToken);
        var logins = LoginsForEnrichmentAsync("id_cliente", customerId.Trim(), cancellationToken);
        await Task.WhenAll(contracts, logins).ConfigureAwait(false);
        var users = await logins.ConfigureAwait(false);
        return (await contracts.ConfigureAwait(false))
            .Select(row => IxcMapper.ToContract(row, users.FirstOrDefault(u => u.ContractId == row.Text("id"))?.Login))
            .ToList();
    }

    /// <summary>
    /// The logins that enrich contracts; empty (login unknown) while IXC refuses <c>radusuarios</c> to this user, which is
    /// remembered, warned about once per client, and asked again after <see cref="RadiusRetryAfter"/>.
    /// </summary>
    private async Task<IReadOnlyList<IxcRadiusUser>> LoginsForEnrichmentAsync(string field, string value, CancellationToken cancellationToken)
    {
        var refusedAt = Volatile.Read(ref _radiusRefusedAt);
        if (refusedAt != long.MinValue && _time.GetElapsedTime(refusedAt) < RadiusRetryAfter) return [];
        try
        {
            return await RadiusUsersAsync(field, value, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorAuthenticationException ex) when (ex.ProviderErrorCode == IxcReply.ResourceUnavailableCode && ex.Operation == "radusuarios.listar")
        {
            return []; // remembered and warned about by RadiusUsersAsync
        }
    }

    /// <summary>True (and remembered) when <paramref name="ex"/> is IXC refusing the <c>radusuarios</c> table.</summary>
    private bool IsRadiusRefusal(ConnectorAuthenticationException ex)
    {
        if (ex is IxcIpNotAllowedException || ex.ProviderErrorCode != IxcReply.ResourceUnavailableCode || ex.Operation != "radusuarios.listar") return false;
        Volatile.Write(ref _radiusRefusedAt, _time.GetTimestamp());
        if (Interlocked.Exchange(ref _radiusWarned, 1) == 0) IxcLog.RadiusRefused(_logger);
        return true;
    }

    /// <summary>Reads one contract (<c>cliente_contrato.id = id</c>), with its login as <see cref="GetContractsAsync"/>; null when it does not exist.</summary>
    /// <param name="contractId">The contract id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<Contract?> GetContractAsync(string contractId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contractId);
        var rows = await ListRowsAsync(IxcListing.Where("cliente_contrato", "id", "=", contractId.Trim()), cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0) return null;
        var users = await LoginsForEnrichmentAsync("id_contrato", contractId.Trim(), cancellationToken).ConfigureAwait(false);
        return IxcMapper.ToContract(rows[0], users.FirstOrDefault()?.Login);
    }

    /// <summary>One contract row without the login enrichment (<paramref name="login"/> is the one already known); null when it does not exist.</summary>
    internal async Task<Contract?> GetContractRowAsync(string contractId, string? login, CancellationToken cancellationToken)
    {
        var rows = await ListRowsAsync(IxcListing.Where("cliente_contrato", "id", "=", contractId.Trim()), cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : IxcMapper.ToContract(rows[0], login);
    }

    /// <summary>
    /// Blocks a contract manually (<c>cliente_contrato_15300 {"id_contrato": id}</c>; IXC sets <c>status_internet = CM</c>).
    /// A write: never retried. For an idempotent block that reports the resulting state, use <see cref="AsAccessController"/>.
    /// </summary>
    /// <param name="contractId">The contract id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task BlockContractAsync(string contractId, CancellationToken cancellationToken = default) =>
        ContractButtonAsync("cliente_contrato_15300", contractId, cancellationToken);

    /// <summary>
    /// Releases a contract manually (<c>cliente_contrato_15464 {"id_contrato": id}</c>; IXC sets <c>status_internet = A</c>).
    /// A write: never retried.
    /// </summary>
    /// <param name="contractId">The contract id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task UnblockContractAsync(string contractId, CancellationToken cancellationToken = default) =>
        ContractButtonAsync("cliente_contrato_15464", contractId, cancellationToken);

    private async Task ContractButtonAsync(string resource, string contractId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contractId);
        await ButtonAsync(resource, new() { ["id_contrato"] = contractId.Trim() }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Asks for a trust unlock (<c>desbloqueio_confianca {"id": contractId}</c>). IXC answers with Portuguese keys
    /// (<c>tipo</c>/<c>codigo</c>/<c>mensagem</c>): <c>sucesso</c> is <see cref="TrustUnlockOutcome.Granted"/> (the
    /// contract is re-read for the return date, best effort: if that read fails the result is still Granted, without
    /// <see cref="TrustUnlockResult.Until"/>), code 107 is <see cref="TrustUnlockOutcome.AlreadyActive"/>, 109
    /// (inactive contract) is <see cref="TrustUnlockOutcome.NotEligible"/>, 113 (already used and not paid) is
    /// <see cref="TrustUnlockOutcome.LimitReached"/>; 106 (no such contract) throws <see cref="ConnectorNotFoundException"/>.
    /// A write: never retried.
    /// </summary>
    /// <param name="contractId">The contract id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<TrustUnlockResult> RequestTrustUnlockAsync(string contractId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contractId);
        const string operation = "desbloqueio_confianca";
        var id = contractId.Trim();
        var (success, code, message, body) = await ActionAsync(operation, new() { ["id"] = id }, bytes => ParseTrustUnlockReply(operation, bytes), cancellationToken)
            .ConfigureAwait(false);

        var result = await ToTrustUnlockResultAsync(operation, id, success, code, message, body, cancellationToken).ConfigureAwait(false);
        IxcLog.TrustUnlock(_logger, id, result.Outcome.ToString(), result.ProviderCode);
        return result;
    }

    /// <summary>
    /// Reads <c>{tipo, codigo, mensagem}</c>. Refusals with a <c>codigo</c> are answers, not errors; an error without a code
    /// (IP not allowed, resource unavailable ...) throws here, inside the instrumented call.
    /// </summary>
    private static (bool Success, string? Code, string? Message, string Body) ParseTrustUnlockReply(string operation, byte[] bytes)
    {
        using var doc = IxcReply.ParseJson(operation, bytes);
        var kind = IxcReply.Str(doc.RootElement, "tipo") ?? IxcReply.Str(doc.RootElement, "type");
        var code = IxcReply.Str(doc.RootElement, "codigo") ?? IxcReply.Str(doc.RootElement, "code");
        var message = IxcReply.Str(doc.RootElement, "mensagem") ?? IxcReply.Str(doc.RootElement, "message");
        var success = kind is not null && (kind.Equals("sucesso", StringComparison.OrdinalIgnoreCase) || kind.Equals("success", StringComparison.OrdinalIgnoreCase));
        var body = IxcReply.Decode(bytes);
        if (!success && code is null) throw IxcReply.BusinessError(operation, message ?? "(no message)", null, body, 200);
        return (success, code, message, body);
    }

    private async Task<TrustUnlockResult> ToTrustUnlockResultAsync(string operation, string contractId, bool success, string? code, string? message,
        string body, CancellationToken cancellationToken)
    {
        if (success)
        {
            // IXC granted it: that is the outcome. The re-read only adds the return date, best effort.
            Contract? contract;
            try
            {
                contract = await GetContractAsync(contractId, cancellationToken).ConfigureAwait(false);
            }
            catch (ConnectorException ex)
            {
                IxcLog.ReReadFailed(_logger, contractId, "trust unlock", ex.GetType().Name);
                return TrustUnlockResult.Granted(null, code);
            }
            if (contract is not null && !contract.Access.Status.HasFullAccess)
                IxcLog.StateNotConfirmed(_logger, contractId, "trust unlock", contract.Access.RawCode);
            var until = contract?.Raw.GetValueOrDefault("dt_retorno_desb_conf") is { } raw && DateOnly.TryParseExact(raw, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var back)
                ? FromLocal(back.ToDateTime(TimeOnly.MinValue))
                : (DateTimeOffset?)null;
            return TrustUnlockResult.Granted(until, code);
        }

        var reason = SensitiveData.Redact(message ?? "(no message)");
        return code switch
        {
            "107" => TrustUnlockResult.AlreadyActive(code),
            "106" => throw new ConnectorNotFoundException(ProviderName, operation, $"IXC has no contract {contractId} (code 106).", 200, code, body),
            "109" => TrustUnlockResult.NotEligible(reason, code),
            "113" => TrustUnlockResult.LimitReached(reason, code),
            _ => TrustUnlockResult.NotEligible(reason, code),
        };
    }
}
