using System.Runtime.CompilerServices;
using System.Text.Json;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Sgp.Internal;

namespace Cobranca.Connectors.Sgp;

public sealed partial class SgpClient
{
    /// <summary>SGP's cap on <c>clientes</c> pages (its documented maximum <c>limit</c>).</summary>
    internal const int MaxCustomersPage = 100;

    /// <inheritdoc />
    /// <remarks>
    /// <para>One paged walk of <c>POST /api/ura/clientes/</c> with <c>omitir_titulos</c> and <c>omitir_contatos</c>
    /// (<c>offset</c>/<c>limit</c>, at most 100 customers per page, SGP's cap), each customer with every contract
    /// (<c>contratos[]</c>: id, numeric status, login). SGP's URA has no filter by customer id, so for
    /// <see cref="ContractQuery.CustomerIds"/> the same walk is filtered here and stops as soon as every asked customer
    /// was seen: at most ⌈customers ÷ 100⌉ requests whatever the number of ids, never one per customer.
    /// (<c>listacontrato</c> lists every contract in one reply but documents neither the customer id nor the login.)</para>
    /// <para>Pages advance by the rows received and stop at <c>paginacao.total</c>; a page that comes back empty before the
    /// total is a <see cref="ConnectorApiException"/> (the listing would be partial), never a silent truncation.
    /// Contracts carry the same access state and login as <see cref="GetDebtStatusAsync"/> reports; secret fields
    /// (<c>senha</c>) are dropped.</para>
    /// </remarks>
    /// <exception cref="ArgumentException">The query is invalid (page size below 1, a blank customer id).</exception>
    public async IAsyncEnumerable<Contract> ListContractsAsync(ContractQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        HashSet<string>? wanted = query.CustomerIds is null ? null : new(query.CustomerIds.Select(id => id.Trim()), StringComparer.Ordinal);
        if (wanted is { Count: 0 }) yield break;
        var limit = Math.Min(Math.Min(query.PageSize, _options.PageSize), MaxCustomersPage);
        var seenCustomers = new HashSet<string>(StringComparer.Ordinal);
        var seenContracts = new HashSet<string>(StringComparer.Ordinal);
        for (var offset = 0; ;)
        {
            List<Contract> page;
            int rows;
            int total;
            using (var doc = await PostAsync("clientes", Ura("clientes"),
                       [F("omitir_titulos", "1"), F("omitir_contatos", "1"), F("offset", offset), F("limit", limit)], retryable: true, cancellationToken)
                       .ConfigureAwait(false))
            {
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("clientes", out var list) || list.ValueKind != JsonValueKind.Array)
                    throw new ConnectorApiException(ProviderName, "clientes", "SGP clientes answered without a clientes list.", 200, "shape");
                total = root.Prop("paginacao") is { } p ? p.Int("total") ?? 0 : 0;
                rows = list.GetArrayLength();
                page = [];
                foreach (var customer in list.EnumerateArray())
                {
                    if (customer.Str("id", "cliente_id", "clienteId") is not { } customerId) continue;
                    if (wanted is not null && !wanted.Contains(customerId)) continue;
                    seenCustomers.Add(customerId);
                    foreach (var row in customer.Array("contratos"))
                    {
                        if (ToListedContract(row, customerId) is { } contract && seenContracts.Add(contract.Id)) page.Add(contract);
                    }
                }
            }
            foreach (var contract in page) yield return contract;
            offset += rows; // SGP may return fewer rows than asked: advance by what came
            if (offset >= total) yield break;
            if (rows == 0)
            {
                throw new ConnectorApiException(ProviderName, "clientes",
                    $"SGP clientes returned an empty page at offset {offset} of {total}: the contract listing would be partial.", 200, "partial");
            }
            if (wanted is not null && seenCustomers.Count == wanted.Count) yield break; // every asked customer came: stop early
        }
    }

    /// <summary>A contract row nested in a <c>clientes</c> customer (id under <c>contrato</c> or <c>id</c>, status numeric).</summary>
    private static Contract? ToListedContract(JsonElement row, string customerId)
    {
        if (row.Str("contratoId", "contrato", "id") is not { } id) return null;
        var login = row.Str("servico_login", "login")
            ?? row.Array("servicos").Select(s => s.Str("servico_login", "login")).FirstOrDefault(l => l is not null);
        return new Contract
        {
            Id = id,
            CustomerId = customerId,
            PlanName = row.Str("planointernet", "servico_plano", "plano"),
            Login = login,
            Access = new SgpContractStatus(row.Int("contratoStatus", "status") ?? 0).ToAccessState(),
            Raw = SgpJson.Raw(row),
        };
    }
}
