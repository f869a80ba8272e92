using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Ixc.Internal;

namespace Cobranca.Connectors.Ixc;

public partial class IxcClient
{
    /// <summary>
    /// The customer's contracts (<c>cliente_contrato.id_cliente = id</c>), every status included, with the access state
    /// mapped from <c>status</c>/<c>status_internet</c> (raw code kept in <see cref="AccessState.RawCode"/>) and the
    /// PPPoE login from <c>radusuarios</c>.
    /// </summary>
    /// <param name="customerId">The customer id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<IReadOnlyList<Contract>> GetContractsAsync(string customerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        var contracts = ListRowsAsync(IxcListing.Where("cliente_contrato", "id_cliente", "=", customerId.Trim()), cancellationToken);
        var logins = RadiusUsersAsync("id_cliente", customerId.Trim(), cancellationToken);
        await Task.WhenAll(contracts, logins).ConfigureAwait(false);
        var users = await logins.ConfigureAwait(false);
        return (await contracts.ConfigureAwait(false))
            .Select(row => IxcMapper.ToContract(row, users.FirstOrDefault(u => u.ContractId == row.Text("id"))?.Login))
            .ToList();
    }

    /// <summary>Reads one contract (<c>cliente_contrato.id = id</c>); null when it does not exist.</summary>
    /// <param name="contractId">The contract id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<Contract?> GetContractAsync(string contractId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contractId);
        var rows = await ListRowsAsync(IxcListing.Where("cliente_contrato", "id", "=", contractId.Trim()), cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0) return null;
        var users = await RadiusUsersAsync("id_contrato", contractId.Trim(), cancellationToken).ConfigureAwait(false);
        return IxcMapper.ToContract(rows[0], users.FirstOrDefault()?.Login);
    }

    /// <summary>
    /// Blocks a contract manually (<c>cliente_contrato_15300 {"id_contrato": id}</c>; IXC sets <c>status_internet = CM</c>).
    /// A write: never retried. For an idempotent block that reports the resulting state, use <see cref="AsAccessController"/>.
    /// </summary>
    /// <param name="contractId">The contract id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task BlockContractAsync(string contractId, CancellationToken cancellationToken = default) =>
        ContractButtonAsync("cliente_contrato_15300", contractId, cancellationToken);

    /// <summary>
    /// Releases a contract manually (<c>cliente_contrato_15464 {"id_contrato": id}</c>; IXC sets <c>status_internet = A</c>).
    /// A write: never retried.
    /// </summary>
    /// <param name="contractId">The contract id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task UnblockContractAsync(string contractId, CancellationToken cancellationToken = default) =>
        ContractButtonAsync("cliente_contrato_15464", contractId, cancellationToken);

    private async Task ContractButtonAsync(string resource, string contractId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contractId);
        var bytes = await ActionAsync(resource, new() { ["id_contrato"] = contractId.Trim() }, cancellationToken).ConfigureAwait(false);
        IxcReply.ParseObject(resource, IxcReply.Decode(bytes)).Dispose();
    }

    /// <summary>
    /// Asks for a trust unlock (<c>desbloqueio_confianca {"id": contractId}</c>). IXC answers with Portuguese keys
    /// (<c>tipo</c>/<c>codigo</c>/<c>mensagem</c>): <c>sucesso</c> is <see cref="TrustUnlockOutcome.Granted"/> (the
    /// contract is re-read for the return date), code 107 is <see cref="TrustUnlockOutcome.AlreadyActive"/>, 109
    /// (inactive contract) is <see cref="TrustUnlockOutcome.NotEligible"/>, 113 (already used and not paid) is
    /// <see cref="TrustUnlockOutcome.LimitReached"/>; 106 (no such contract) throws <see cref="ConnectorNotFoundException"/>.
    /// A write: never retried.
    /// </summary>
    /// <param name="contractId">The contract id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<TrustUnlockResult> RequestTrustUnlockAsync(string contractId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contractId);
        const string operation = "desbloqueio_confianca";
        var id = contractId.Trim();
        var body = IxcReply.Decode(await ActionAsync(operation, new() { ["id"] = id }, cancellationToken).ConfigureAwait(false));

        var result = await ParseTrustUnlockAsync(operation, id, body, cancellationToken).ConfigureAwait(false);
        IxcLog.TrustUnlock(_logger, id, result.Outcome.ToString(), result.ProviderCode);
        return result;
    }

    private async Task<TrustUnlockResult> ParseTrustUnlockAsync(string operation, string contractId, string body, CancellationToken cancellationToken)
    {
        string? kind, code, message;
        // Refusals are answers, not errors: read the object without ParseObject's error-shape check.
        using (var doc = IxcReply.ParseJson(operation, body))
        {
            kind = IxcReply.Str(doc.RootElement, "tipo") ?? IxcReply.Str(doc.RootElement, "type");
            code = IxcReply.Str(doc.RootElement, "codigo") ?? IxcReply.Str(doc.RootElement, "code");
            message = IxcReply.Str(doc.RootElement, "mensagem") ?? IxcReply.Str(doc.RootElement, "message");
        }

        if (kind is not null && (kind.Equals("sucesso", StringComparison.OrdinalIgnoreCase) || kind.Equals("success", StringComparison.OrdinalIgnoreCase)))
        {
            var contract = await GetContractAsync(contractId, cancellationToken).ConfigureAwait(false);
            if (contract is not null && !contract.Access.Status.HasFullAccess)
                IxcLog.StateNotConfirmed(_logger, contractId, "trust unlock", contract.Access.RawCode);
            var until = contract?.Raw.GetValueOrDefault("dt_retorno_desb_conf") is { } raw && DateOnly.TryParseExact(raw, "yyyy-MM-dd", out var back)
                ? BrazilTime.FromLocal(back.ToDateTime(TimeOnly.MinValue))
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
            null => throw IxcReply.BusinessError(operation, message ?? "(no message)", null, body, 200),
            _ => TrustUnlockResult.NotEligible(reason, code),
        };
    }
}
