using System.Globalization;
using System.Runtime.CompilerServices;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.MkAuth.Internal;

namespace Cobranca.Connectors.MkAuth;

public sealed partial class MkAuthClient
{
    /// <inheritdoc />
    public async Task<MkAuthCustomer?> GetCustomerAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        using var reply = await GetAsync("cliente/show", "cliente/show/" + Segment(key), cancellationToken).ConfigureAwait(false);
        if (reply.IsNotFound) return null;
        var rows = reply.Rows("clientes", "cliente");
        if (rows.Count == 0) return null;
        return MkAuthMapper.ToCustomer(rows[0], this)
            ?? throw MkAuthReply.Error("cliente/show", "the reply has no uuid_cliente/login: not a customer row.", "(not shown)");
    }

    /// <summary>
    /// The person's canonical row for a CPF/CNPJ. MK-Auth matches the stored text exactly and each login stores the document
    /// as it was typed, so both forms are asked (digits, then masked); of the rows found with this document, the one with the
    /// lowest <c>id</c> (the person's first login) is the customer, whichever form was typed.
    /// </summary>
    private async Task<MkAuthCustomer?> FindByDocumentAsync(Document document, CancellationToken cancellationToken)
    {
        MkAuthCustomer? best = null;
        foreach (var form in DocumentForms(document))
        {
            MkAuthCustomer? row;
            try
            {
                row = await GetCustomerAsync(form, cancellationToken).ConfigureAwait(false);
            }
            catch (ConnectorNotFoundException ex) when (ex.StatusCode == 404)
            {
                row = null; // a masked CNPJ has a '/', which some web servers refuse in a path
            }
            // The key also matches logins and uuids: only a row with this document is an answer.
            if (row?.Document is not { } found || found != document) continue;
            if (best is null || IdOf(row) < IdOf(best)) best = row;
        }
        return best;
    }

    private static long IdOf(MkAuthCustomer row) =>
        long.TryParse(row.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : long.MaxValue;

    private static IEnumerable<string> DocumentForms(Document document) =>
        new[] { document.Value, document.Formatted }.Distinct(StringComparer.Ordinal);

    /// <summary>The person's canonical row (see <see cref="FindByDocumentAsync"/>); the row itself when it has no document.</summary>
    private async Task<MkAuthCustomer> CanonicalAsync(MkAuthCustomer row, CancellationToken cancellationToken)
    {
        if (row.Document is not { } document) return row;
        var first = await FindByDocumentAsync(document, cancellationToken).ConfigureAwait(false);
        return first is not null && IdOf(first) <= IdOf(row) ? first : row;
    }

    internal async Task<IReadOnlyList<Customer>> FindCustomersAsync(CustomerLookup lookup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        MkAuthCustomer? row;
        switch (lookup.Kind)
        {
            case CustomerLookupKind.Document:
                row = await FindByDocumentAsync(lookup.Document!.Value, cancellationToken).ConfigureAwait(false);
                break;
            case CustomerLookupKind.Id:
                row = await GetCustomerAsync(lookup.Value!, cancellationToken).ConfigureAwait(false);
                if (row is not null && !string.Equals(row.Uuid, lookup.Value, StringComparison.OrdinalIgnoreCase)) row = null;
                if (row is not null) row = await CanonicalAsync(row, cancellationToken).ConfigureAwait(false);
                break;
            case CustomerLookupKind.Login:
                row = await GetCustomerAsync(lookup.Value!, cancellationToken).ConfigureAwait(false);
                if (row is not null && !string.Equals(row.Login, lookup.Value, StringComparison.OrdinalIgnoreCase)) row = null;
                if (row is not null) row = await CanonicalAsync(row, cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new NotSupportedException("MK-Auth's API has no search by phone (its list filters are ignored by some versions); look customers up by CPF/CNPJ, login or id.");
        }
        return row is null ? [] : [MkAuthMapper.ToSdkCustomer(row)];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<MkAuthTitle>> GetTitlesAsync(string loginOrDocument, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(loginOrDocument);
        var trimmed = loginOrDocument.Trim();
        return Document.TryParse(trimmed, out var document) && trimmed.Any(char.IsAsciiDigit) && !trimmed.Any(char.IsAsciiLetterLower)
            ? await TitlesByDocumentAsync(document, cancellationToken).ConfigureAwait(false)
            : await TitlesByLoginAsync(trimmed, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>titulo/titulos/{cpf}</c> with the digits and with the masked text (each login's row stores the document as typed,
    /// so a person's logins can differ), merged; rows of another document are dropped (filters some versions ignore).
    /// </summary>
    private async Task<List<MkAuthTitle>> TitlesByDocumentAsync(Document document, CancellationToken cancellationToken)
    {
        var titles = new Dictionary<string, MkAuthTitle>(StringComparer.Ordinal);
        foreach (var form in DocumentForms(document))
        {
            foreach (var title in await TitlesAsync(form, cancellationToken).ConfigureAwait(false))
            {
                if (title.DocumentText is { } text && (!Document.TryParse(text, out var rowDocument) || rowDocument != document)) continue;
                titles.TryAdd(title.Uuid, title);
            }
        }
        return titles.Values.ToList();
    }

    private async Task<List<MkAuthTitle>> TitlesByLoginAsync(string login, CancellationToken cancellationToken) =>
        (await TitlesAsync(login, cancellationToken).ConfigureAwait(false))
            .Where(t => t.Login is null || string.Equals(t.Login, login, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>One <c>titulo/titulos/{key}</c>: <c>{"Total":n,"titulos":[…]}</c> or <c>{"dados":[…]}</c>; cancelled rows dropped.</summary>
    private async Task<List<MkAuthTitle>> TitlesAsync(string key, CancellationToken cancellationToken)
    {
        using var reply = await GetAsync("titulo/titulos", "titulo/titulos/" + Segment(key), cancellationToken).ConfigureAwait(false);
        return reply.Rows("titulos").Select(MkAuthMapper.ToTitle).OfType<MkAuthTitle>().Where(t => !t.Deleted).ToList();
    }

    internal async Task<DebtStatus> GetDebtStatusAsync(string customerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        var row = await GetCustomerAsync(customerId, cancellationToken).ConfigureAwait(false);
        if (row is null || !string.Equals(row.Uuid, customerId.Trim(), StringComparison.OrdinalIgnoreCase))
            throw new ConnectorNotFoundException(ProviderName, "debt", $"MK-Auth has no customer {customerId}.");

        var titles = row.Document is { } document
            ? await TitlesByDocumentAsync(document, cancellationToken).ConfigureAwait(false)
            : await TitlesByLoginAsync(row.Login, cancellationToken).ConfigureAwait(false);

        // Every login of the person: the row's own plus those the titles name (cliente/show returns one row only).
        var now = _time.GetUtcNow();
        var logins = new Dictionary<string, MkAuthCustomer>(StringComparer.OrdinalIgnoreCase) { [row.Login] = row };
        foreach (var login in titles.Select(t => t.Login).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (logins.ContainsKey(login)) continue;
            var other = await GetCustomerAsync(login, cancellationToken).ConfigureAwait(false);
            if (other is not null && string.Equals(other.Login, login, StringComparison.OrdinalIgnoreCase)
                && (row.Document is null || other.Document == row.Document)) logins[login] = other;
        }

        var contracts = logins.Values.OrderBy(c => c.Uuid == row.Uuid ? 0 : 1).ThenBy(c => c.Login, StringComparer.Ordinal)
            .Select(c => MkAuthMapper.ToContract(c, customerId.Trim(), now)).ToList();
        var invoices = titles.Where(t => t.IsUnpaid)
            .Select(t => MkAuthMapper.ToInvoice(t, customerId.Trim(), t.Login is { } l && logins.TryGetValue(l, out var c) ? c.Uuid : null));
        return DebtStatus.FromInvoices(customerId.Trim(), Today(), invoices, contracts);
    }

    internal async IAsyncEnumerable<Invoice> ListOpenInvoicesAsync(InvoiceQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var today = Today();
        bool Wanted(Invoice i) => (query.DueFrom is not { } from || i.DueDate >= from) && (query.DueTo is not { } to || i.DueDate <= to)
            && (!query.OverdueOnly || i.DueDate < today);

        if (query.CustomerId is { } customerId)
        {
            var debt = await GetDebtStatusAsync(customerId, cancellationToken).ConfigureAwait(false);
            foreach (var invoice in debt.Overdue.Concat(debt.Upcoming).Where(Wanted)) yield return invoice;
            yield break;
        }

        // Titles name a login; the customer is the person (first row of the CPF): index the customer rows once.
        var byLogin = new Dictionary<string, (string Contract, string Customer)>(StringComparer.OrdinalIgnoreCase);
        var firstOfDocument = new Dictionary<string, (long Id, string Uuid)>(StringComparer.Ordinal);
        var documentOfLogin = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        await foreach (var raw in ListAllAsync("cliente", "clientes", _options.PageSize, cancellationToken).ConfigureAwait(false))
        {
            if (MkAuthMapper.ToCustomer(raw, this) is not { } row) continue;
            byLogin[row.Login] = (row.Uuid, row.Uuid);
            if (row.Document is not { } document) continue;
            documentOfLogin[row.Login] = document.Value;
            var id = long.TryParse(row.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : long.MaxValue;
            if (!firstOfDocument.TryGetValue(document.Value, out var first) || id < first.Id) firstOfDocument[document.Value] = (id, row.Uuid);
        }
        foreach (var (login, document) in documentOfLogin) byLogin[login] = (byLogin[login].Contract, firstOfDocument[document].Uuid);

        await foreach (var raw in ListAllAsync("titulo", "titulos", query.PageSize, cancellationToken).ConfigureAwait(false))
        {
            if (MkAuthMapper.ToTitle(raw) is not { IsUnpaid: true } title) continue;
            if (title.Login is null || !byLogin.TryGetValue(title.Login, out var owner))
            {
                MkAuthLog.OrphanTitle(_logger, title.Number ?? title.Uuid);
                continue;
            }
            var invoice = MkAuthMapper.ToInvoice(title, owner.Customer, owner.Contract);
            if (Wanted(invoice)) yield return invoice;
        }
    }

    /// <summary>
    /// Every row of <c>{module}/listar/pagina=N&amp;limite=M</c> (paging inside the path). Stops on the "past the last page"
    /// message, an empty or short page, <c>total_paginas</c>, or a page whose first row repeats page 1's (versions that
    /// ignore paging and return the same rows for every page).
    /// </summary>
    private async IAsyncEnumerable<Dictionary<string, string?>> ListAllAsync(string module, string arrayKey, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var operation = module + "/listar";
        var size = pageSize is > 0 and <= 10_000 ? pageSize : _options.PageSize;
        string? firstKey = null;
        for (var page = 1; ; page++)
        {
            List<Dictionary<string, string?>> rows;
            int? totalPages;
            using (var reply = await GetAsync(operation, string.Create(CultureInfo.InvariantCulture, $"{module}/listar/pagina={page}&limite={size}"), cancellationToken).ConfigureAwait(false))
            {
                if (reply.Kind != MkAuthReplyKind.Json) yield break; // past the last page, or nothing at all
                rows = reply.Rows(arrayKey);
                totalPages = reply.Int("total_paginas");
            }
            if (rows.Count == 0) yield break;
            var key = RowKey(rows[0]);
            if (page == 1) firstKey = key;
            else if (key is not null && key == firstKey)
            {
                MkAuthLog.PagingIgnored(_logger, operation, page);
                yield break;
            }
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested(); // a version that answers everything in one page still stops when asked
                yield return row;
            }
            if (totalPages is { } total && page >= total) yield break;
            if (rows.Count != size) yield break; // short page, or more than asked (paging ignored: everything came at once)
        }
    }

    private static string? RowKey(Dictionary<string, string?> row) =>
        row.Text("uuid") ?? row.Text("uuid_lanc") ?? row.Text("uuid_cliente") ?? row.Text("id") ?? row.Text("login");
}
