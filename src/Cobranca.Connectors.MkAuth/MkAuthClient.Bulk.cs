using System.Globalization;
using System.Runtime.CompilerServices;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.MkAuth.Internal;

namespace Cobranca.Connectors.MkAuth;

public sealed partial class MkAuthClient
{
    /// <summary>
    /// The contracts of many customers (<see cref="IBillingSystem.ListContractsAsync"/>): one paged walk of
    /// <c>cliente/listar/pagina=N&amp;limite=M</c> (the list filters are ignored by some versions, so none is sent), every
    /// login row a contract (<c>bloqueado</c>, <c>cli_ativado</c>, observation → access state), grouped by CPF/CNPJ under
    /// the person's first login (lowest <c>id</c>), as <see cref="GetDebtStatusAsync"/> names the customer; asked ids are
    /// filtered here. At most ⌈logins ÷ page size⌉ requests, whatever the number of ids. The walk is read in full before the
    /// first contract is yielded (the first login of a person may come on a later page).
    /// </summary>
    internal async IAsyncEnumerable<Contract> ListContractsAsync(ContractQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        HashSet<string>? wanted = query.CustomerIds is null ? null : new(query.CustomerIds.Select(id => id.Trim()), StringComparer.OrdinalIgnoreCase);
        if (wanted is { Count: 0 }) yield break;

        var rows = new List<MkAuthCustomer>();
        var firstOfDocument = new Dictionary<string, (long Id, string Uuid)>(StringComparer.Ordinal);
        await foreach (var raw in ListAllAsync("cliente", "clientes", Math.Max(query.PageSize, _options.PageSize), cancellationToken).ConfigureAwait(false))
        {
            if (MkAuthMapper.ToCustomer(raw, this) is not { } row) continue;
            rows.Add(row);
            if (row.Document is not { } document) continue;
            var id = long.TryParse(row.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : long.MaxValue;
            if (!firstOfDocument.TryGetValue(document.Value, out var first) || id < first.Id) firstOfDocument[document.Value] = (id, row.Uuid);
        }

        var now = _time.GetUtcNow();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            var customerId = row.Document is { } document ? firstOfDocument[document.Value].Uuid : row.Uuid;
            if (wanted is not null && !wanted.Contains(customerId)) continue;
            if (!seen.Add(row.Uuid)) continue;
            yield return MkAuthMapper.ToContract(row, customerId, now);
        }
    }
}
