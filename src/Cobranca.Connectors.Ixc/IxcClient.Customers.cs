using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Ixc.Internal;

namespace Cobranca.Connectors.Ixc;

public partial class IxcClient
{
    /// <summary>
    /// Finds customers (table <c>cliente</c>). By document: <c>cliente.cnpj_cpf = </c> the <b>masked</b> form first
    /// (IXC stores and matches documents masked), then the bare digits. By phone: a LIKE on the masked last eight
    /// digits (<c>8765-4321</c>) in each of the four phone fields, then the area code is checked client-side; every
    /// matching customer is returned (phones are shared). By login: <c>radusuarios.login</c>, then the owners.
    /// </summary>
    /// <param name="lookup">What to search by.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<IReadOnlyList<Customer>> FindCustomersAsync(CustomerLookup lookup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        return lookup.Kind switch
        {
            CustomerLookupKind.Document => await FindByDocumentAsync(lookup.Document!.Value, cancellationToken).ConfigureAwait(false),
            CustomerLookupKind.Phone => await FindByPhoneAsync(lookup.Phone!.Value, cancellationToken).ConfigureAwait(false),
            CustomerLookupKind.Id => await GetCustomerAsync(lookup.Value!, cancellationToken).ConfigureAwait(false) is { } c ? [c] : [],
            CustomerLookupKind.Login => await FindByLoginAsync(lookup.Value!, cancellationToken).ConfigureAwait(false),
            _ => throw new ArgumentOutOfRangeException(nameof(lookup), lookup.Kind, "Unknown lookup kind."),
        };
    }

    /// <summary>Reads one customer by id (<c>cliente.id = id</c>); null when it does not exist.</summary>
    /// <param name="customerId">The customer id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<Customer?> GetCustomerAsync(string customerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        var rows = await ListRowsAsync(IxcListing.Where("cliente", "id", "=", customerId.Trim()), cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : IxcMapper.ToCustomer(rows[0]);
    }

    private async Task<IReadOnlyList<Customer>> FindByDocumentAsync(Document document, CancellationToken cancellationToken)
    {
        foreach (var form in new[] { document.Formatted, document.Value }.Distinct(StringComparer.Ordinal))
        {
            var rows = await ListRowsAsync(IxcListing.Where("cliente", "cnpj_cpf", "=", form), cancellationToken).ConfigureAwait(false);
            var customers = rows.Select(IxcMapper.ToCustomer).Where(c => c.Document == document).ToList();
            if (customers.Count > 0) return customers;
        }
        return [];
    }

    private async Task<IReadOnlyList<Customer>> FindByPhoneAsync(PhoneNumber phone, CancellationToken cancellationToken)
    {
        // IXC has no OR: one LIKE per phone field, in parallel, merged by id in field order.
        var searches = IxcMapper.PhoneFields
            .Select(field => ListRowsAsync(IxcListing.Where("cliente", field, "L", phone.LastEightMasked), cancellationToken))
            .ToList();
        var results = await Task.WhenAll(searches).ConfigureAwait(false);
        var found = new Dictionary<string, Customer>(StringComparer.Ordinal);
        foreach (var row in results.SelectMany(r => r))
        {
            var customer = IxcMapper.ToCustomer(row);
            if (found.ContainsKey(customer.Id)) continue;
            if (customer.Phones.Any(p => p.Ddd == phone.Ddd && p.Number[^8..] == phone.Number[^8..])) found[customer.Id] = customer;
        }
        return found.Values.ToList();
    }

    private async Task<IReadOnlyList<Customer>> FindByLoginAsync(string login, CancellationToken cancellationToken)
    {
        var users = await GetRadiusUsersByLoginAsync(login, cancellationToken).ConfigureAwait(false);
        var customers = new List<Customer>();
        foreach (var id in users.Select(u => u.CustomerId).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (await GetCustomerAsync(id, cancellationToken).ConfigureAwait(false) is { } customer) customers.Add(customer);
        }
        return customers;
    }

    // ---------------------------------------------------------------- radusuarios

    /// <summary>PPPoE logins named <paramref name="login"/> (<c>radusuarios.login = login</c>). Cleartext passwords are dropped.</summary>
    /// <param name="login">The login.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<IReadOnlyList<IxcRadiusUser>> GetRadiusUsersByLoginAsync(string login, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(login);
        return RadiusUsersAsync("login", login.Trim(), cancellationToken);
    }

    /// <summary>PPPoE logins of a contract (<c>radusuarios.id_contrato = id</c>).</summary>
    /// <param name="contractId">The contract id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<IReadOnlyList<IxcRadiusUser>> GetRadiusUsersByContractAsync(string contractId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contractId);
        return RadiusUsersAsync("id_contrato", contractId.Trim(), cancellationToken);
    }

    /// <summary>
    /// A <c>radusuarios</c> listing. A success clears a remembered refusal (see <see cref="RadiusUsersAvailable"/>); a
    /// refusal is remembered and rethrown with a message that says what needs the table.
    /// </summary>
    private async Task<IReadOnlyList<IxcRadiusUser>> RadiusUsersAsync(string field, string value, CancellationToken cancellationToken)
    {
        List<IxcRow> rows;
        try
        {
            rows = await ListRowsAsync(IxcListing.Where("radusuarios", field, "=", value), cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorAuthenticationException ex) when (IsRadiusRefusal(ex))
        {
            throw new ConnectorAuthenticationException(ProviderName, ex.Operation,
                "IXC refused the radusuarios table to this webservice user, so PPPoE logins cannot be read: finding a customer or " +
                "contract by login and kicking sessions need read permission on radusuarios (add it to the user's group in IXC). " +
                "Contracts, debt, block and unblock work without it (the login is then unknown).",
                ex.StatusCode, ex.ProviderErrorCode, ex.RawBody, ex);
        }
        Volatile.Write(ref _radiusRefusedAt, long.MinValue);
        return rows.Select(IxcMapper.ToRadiusUser).ToList();
    }

    /// <summary>
    /// Forces a RADIUS disconnect of one login (<c>desconectar_clientes {"id": radiusUserId}</c>) so the contract's
    /// current state applies when it reconnects. A write: never retried.
    /// </summary>
    /// <param name="radiusUserId">The <c>radusuarios</c> row id (<see cref="IxcRadiusUser.Id"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task DisconnectSessionAsync(string radiusUserId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(radiusUserId);
        await ButtonAsync("desconectar_clientes", new() { ["id"] = radiusUserId.Trim() }, cancellationToken).ConfigureAwait(false);
    }
}
