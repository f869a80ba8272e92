using System.Text.Json;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Sgp.Internal;

namespace Cobranca.Connectors.Sgp;

public sealed partial class SgpClient
{
    /// <inheritdoc />
    /// <remarks>
    /// Document → <c>consultacliente</c> with <c>cpfcnpj</c> as digits (SGP stores it masked and matches digits);
    /// phone → <c>clientes</c> with <c>telefone</c> (every candidate, paged by 100; never one guess); login →
    /// <c>consultacliente</c> with <c>login</c>; id → the customer's titles (<c>titulos</c> with <c>cliente_id</c>, the
    /// only URA filter by customer id) then <c>consultacliente</c>: a customer with no title at all is not found by id.
    /// Each result is checked against what was asked, so a loose server-side match never returns a wrong customer.
    /// </remarks>
    public async Task<IReadOnlyList<Customer>> FindCustomersAsync(CustomerLookup lookup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        switch (lookup.Kind)
        {
            case CustomerLookupKind.Document:
            {
                var digits = lookup.Document!.Value.Value;
                var rows = await ConsultAsync(F("cpfcnpj", digits), cancellationToken).ConfigureAwait(false);
                return Group(rows.Where(r => r.Str("cpfCnpj", "cpfcnpj") is { } d && Digits(d) == digits));
            }
            case CustomerLookupKind.Login:
            {
                var rows = await ConsultAsync(F("login", lookup.Value!), cancellationToken).ConfigureAwait(false);
                return Group(rows.Where(r => string.Equals(r.Str("servico_login", "login"), lookup.Value, StringComparison.OrdinalIgnoreCase)));
            }
            case CustomerLookupKind.Phone:
                return await FindByPhoneAsync(lookup.Phone!.Value, cancellationToken).ConfigureAwait(false);
            case CustomerLookupKind.Id:
            {
                var customer = await FindByIdAsync(lookup.Value!, cancellationToken).ConfigureAwait(false);
                return customer is null ? [] : [customer.Value.Customer];
            }
            default:
                throw new NotSupportedException($"SGP lookup by {lookup.Kind} is not supported.");
        }
    }

    /// <summary><c>consultacliente</c>: one row per contract. Not found is <c>contratos: []</c>.</summary>
    internal async Task<List<JsonElement>> ConsultAsync(KeyValuePair<string, string> filter, CancellationToken cancellationToken)
    {
        using var doc = await PostAsync("consultacliente", Ura("consultacliente"), [filter], retryable: true, cancellationToken).ConfigureAwait(false);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("contratos", out var contracts) || contracts.ValueKind != JsonValueKind.Array)
        {
            throw new ConnectorApiException(ProviderName, "consultacliente",
                "SGP consultacliente answered without a contratos list: this is not the reply of an SGP URA API.", 200, "shape");
        }
        return contracts.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    private async Task<IReadOnlyList<Customer>> FindByPhoneAsync(PhoneNumber phone, CancellationToken cancellationToken)
    {
        var digits = phone.Ddd.ToString(System.Globalization.CultureInfo.InvariantCulture) + phone.Number;
        var customers = new List<Customer>();
        for (var offset = 0; ;)
        {
            using var doc = await PostAsync("clientes", Ura("clientes"),
                [F("telefone", digits), F("omitir_titulos", "1"), F("offset", offset), F("limit", 100)], retryable: true, cancellationToken).ConfigureAwait(false);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("clientes", out var list) || list.ValueKind != JsonValueKind.Array)
                throw new ConnectorApiException(ProviderName, "clientes", "SGP clientes answered without a clientes list.", 200, "shape");
            var rows = list.EnumerateArray().ToList();
            foreach (var row in rows)
            {
                var phones = row.Array("contatos").Select(c => c.Str("contato")).Concat(row.Array("telefones").Select(t => t.Str()))
                    .Select(p => PhoneNumber.TryParse(p, out var parsed) ? parsed : (PhoneNumber?)null).OfType<PhoneNumber>().ToList();
                // SGP may match the number in other fields; when the contacts are listed, keep only who really has it.
                if (row.Array("contatos").Any() && !phones.Contains(phone)) continue;
                if (row.Str("id", "cliente_id", "clienteId") is not { } id) continue;
                customers.Add(new Customer
                {
                    Id = id,
                    Name = row.Str("nome", "razaoSocial") ?? id,
                    Document = Document.TryParse(row.Str("cpfcnpj", "cpfCnpj"), out var document) ? document : null,
                    Phones = phones.Distinct().ToList(),
                    Email = row.Array("contatos").Where(c => c.Str("tipo")?.Contains("MAIL", StringComparison.OrdinalIgnoreCase) == true).Select(c => c.Str("contato")).FirstOrDefault(),
                    IsActive = row.Array("contratos").Any(c => c.Int("status", "contratoStatus") is 1 or 4 or 6 or 7) || !row.Array("contratos").Any(),
                    Raw = SgpJson.Raw(row),
                });
            }
            var total = root.Prop("paginacao") is { } p ? p.Int("total") ?? 0 : 0;
            offset += rows.Count; // SGP may return fewer rows than asked: advance by what came
            if (rows.Count == 0 || offset >= total) break;
        }
        return customers.DistinctBy(c => c.Id).ToList();
    }

    /// <summary>The customer with that id, with the rows of all its contracts; null when SGP has no title for that id.</summary>
    internal async Task<(Customer Customer, List<JsonElement> ContractRows)?> FindByIdAsync(string customerId, CancellationToken cancellationToken,
        JsonElement? knownTitle = null)
    {
        var title = knownTitle;
        if (title is null)
        {
            var page = await TitlesPageAsync([F("cliente_id", customerId)], 0, 1, cancellationToken).ConfigureAwait(false);
            if (page.Rows.Count == 0) return null;
            title = page.Rows[0];
        }
        var rows = new List<JsonElement>();
        if (title.Value.Str("clienteCpfcnpj", "cpfcnpj") is { } document && Digits(document).Length is 11 or 14)
            rows = await ConsultAsync(F("cpfcnpj", Digits(document)), cancellationToken).ConfigureAwait(false);
        var mine = rows.Where(r => r.Str("clienteId", "cliente_id") == customerId).ToList();
        if (mine.Count == 0 && title.Value.Str("clienteContrato", "contrato") is { } contract)
        {
            // No document (or it matched other rows only): go through the title's contract.
            mine = (await ConsultAsync(F("contrato", contract), cancellationToken).ConfigureAwait(false)).Where(r => r.Str("clienteId", "cliente_id") == customerId).ToList();
        }
        if (mine.Count == 0) return null;
        return (Group(mine)[0], mine);
    }

    /// <summary>Customers from contract rows (one row per contract), in first-seen order.</summary>
    private static List<Customer> Group(IEnumerable<JsonElement> rows) =>
        rows.Where(r => r.Str("clienteId", "cliente_id") is not null)
            .GroupBy(r => r.Str("clienteId", "cliente_id")!, StringComparer.Ordinal)
            .Select(g =>
            {
                var first = g.First();
                return new Customer
                {
                    Id = g.Key,
                    Name = first.Str("razaoSocial", "nome") ?? g.Key,
                    Document = Document.TryParse(first.Str("cpfCnpj", "cpfcnpj"), out var document) ? document : null,
                    Phones = g.SelectMany(r => r.Array("telefones")).Select(t => t.Str())
                        .Select(p => PhoneNumber.TryParse(p, out var phone) ? phone : (PhoneNumber?)null).OfType<PhoneNumber>().Distinct().ToList(),
                    Email = g.SelectMany(r => r.Array("emails")).Select(e => e.Str()).FirstOrDefault(e => e is not null),
                    IsActive = g.Any(r => r.Int("contratoStatus") is 1 or 4 or 6 or 7),
                    Raw = SgpJson.Raw(first),
                };
            }).ToList();

    /// <summary>A contract row as the common <see cref="Contract"/> (secret fields dropped).</summary>
    internal static Contract ToContract(JsonElement row) => new()
    {
        Id = row.Str("contratoId", "contrato", "id")!,
        CustomerId = row.Str("clienteId", "cliente_id") ?? "",
        PlanName = row.Str("planointernet", "servico_plano"),
        Login = row.Str("servico_login", "login"),
        Access = new SgpContractStatus(row.Int("contratoStatus", "status") ?? 0).ToAccessState(),
        Raw = SgpJson.Raw(row),
    };
}
