using System.Runtime.CompilerServices;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Ixc.Internal;

namespace Cobranca.Connectors.Ixc;

public partial class IxcClient
{
    /// <summary>
    /// The contracts of many customers (<see cref="IBillingSystem.ListContractsAsync"/>): for
    /// <see cref="ContractQuery.CustomerIds"/>, batches of <see cref="ContractQuery.PageSize"/> ids, each one
    /// <c>cliente_contrato.id_cliente IN (…)</c> listing and one <c>radusuarios.id_cliente IN (…)</c> listing (for the
    /// logins) read side by side; for the whole base, both tables listed page by page. Contracts are mapped exactly as
    /// <see cref="GetContractsAsync"/> maps them (every status, access from <c>status</c>/<c>status_internet</c>).
    /// </summary>
    /// <exception cref="ArgumentException">An id contains a comma (IXC ids are numeric; a comma would split the IN list).</exception>
    internal async IAsyncEnumerable<Contract> ListContractsAsync(ContractQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        var pageSize = Math.Max(query.PageSize, _options.PageSize);
        if (query.CustomerIds is null)
        {
            var everyLogin = await LoginsByContractAsync(IxcListing.Where("radusuarios", "id", ">=", "1"), pageSize, cancellationToken).ConfigureAwait(false);
            await foreach (var row in ListAllAsync(IxcListing.Where("cliente_contrato", "id", ">=", "1"), pageSize, cancellationToken).ConfigureAwait(false))
                yield return IxcMapper.ToContract(row, everyLogin.GetValueOrDefault(row.Text("id") ?? string.Empty));
            yield break;
        }

        var ids = query.CustomerIds.Select(id => id.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Any(id => id.Contains(',', StringComparison.Ordinal)))
            throw new ArgumentException("An IXC customer id cannot contain a comma.", nameof(query));
        foreach (var batch in ids.Chunk(query.PageSize))
        {
            var list = string.Join(',', batch);
            var logins = LoginsByContractAsync(IxcListing.Where("radusuarios", "id_cliente", "IN", list), pageSize, cancellationToken);
            var contracts = ListRowsAsync(IxcListing.Where("cliente_contrato", "id_cliente", "IN", list), pageSize, cancellationToken);
            await Task.WhenAll(logins, contracts).ConfigureAwait(false);
            var byContract = await logins.ConfigureAwait(false);
            foreach (var row in await contracts.ConfigureAwait(false))
                yield return IxcMapper.ToContract(row, byContract.GetValueOrDefault(row.Text("id") ?? string.Empty));
        }
    }

    /// <summary>
    /// The first login of each contract (listing order, as <see cref="GetContractsAsync"/> picks it). An enrichment, as in
    /// <see cref="GetContractsAsync"/>: while IXC refuses <c>radusuarios</c> to this user the contracts come without logins
    /// (remembered and warned about once, see <see cref="RadiusUsersAvailable"/>).
    /// </summary>
    private async Task<Dictionary<string, string>> LoginsByContractAsync(IxcListing listing, int pageSize, CancellationToken cancellationToken)
    {
        var logins = new Dictionary<string, string>(StringComparer.Ordinal);
        var refusedAt = Volatile.Read(ref _radiusRefusedAt);
        if (refusedAt != long.MinValue && _time.GetElapsedTime(refusedAt) < RadiusRetryAfter) return logins;
        try
        {
            await foreach (var row in ListAllAsync(listing, pageSize, cancellationToken).ConfigureAwait(false))
            {
                var user = IxcMapper.ToRadiusUser(row);
                if (user.ContractId is { } contractId) logins.TryAdd(contractId, user.Login);
            }
        }
        catch (ConnectorAuthenticationException ex) when (IsRadiusRefusal(ex))
        {
            return new Dictionary<string, string>(StringComparer.Ordinal); // logins unknown; contracts still listed
        }
        Volatile.Write(ref _radiusRefusedAt, long.MinValue);
        return logins;
    }

    private async Task<List<IxcRow>> ListRowsAsync(IxcListing listing, int pageSize, CancellationToken cancellationToken)
    {
        var rows = new List<IxcRow>();
        await foreach (var row in ListAllAsync(listing, pageSize, cancellationToken).ConfigureAwait(false)) rows.Add(row);
        return rows;
    }
}
