using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Cobranca.Connectors.Testing.Pix;

// Paged lists: GET /cobv (charges with due date, optionally of one lotecobv batch) and GET /locrec (recurrence
// locations), and the filter helpers GET /rec and GET /cobr share with them. Windows are on the creation time; the
// spec's query violations answer 400 CobVConsultaInvalida / PayloadLocationRecConsultaInvalida (RecConsultaInvalida /
// CobRConsultaInvalida for the recurrence lists).
public sealed partial class PixPspSandbox
{
    private static readonly string[] ChargeStatuses = ["ATIVA", "CONCLUIDA", "REMOVIDA_PELO_USUARIO_RECEBEDOR", "REMOVIDA_PELO_PSP"];

    private void ConfigureLists(string p)
    {
        _app.MapGet(p + "/cobv", ListDueChargesAsync);
        _app.MapGet(p + "/locrec", ListLocRecAsync);
    }

    private async Task ListDueChargesAsync(HttpContext ctx)
    {
        if (!await AuthorizedAsync(ctx).ConfigureAwait(false)) return;
        const string error = "CobVConsultaInvalida";
        if (await ReadListQueryAsync(ctx, error) is not { } q) return;
        var query = ctx.Request.Query;
        var violations = new JsonArray();
        var (cpf, cnpj) = DocumentFilter(query, violations);
        var locationPresent = OptionalBool(query["locationPresente"], "locationPresente", violations);
        var status = StatusFilter(query, ChargeStatuses, violations);
        string? batchId = query["loteCobVId"];
        if (batchId is not null && !int.TryParse(batchId, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            violations.Add(Violation("O parâmetro loteCobVId não respeita o schema.", "loteCobVId", batchId));
        if (await RefusedQueryAsync(ctx, error, violations).ConfigureAwait(false)) return;

        // loteCobVId is an int32 on the wire: "0042" names batch "42".
        var batch = batchId is null ? null : int.Parse(batchId, NumberStyles.None, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        JsonObject json;
        lock (_gate)
        {
            var all = _charges.Values.Where(c => c.IsDue && c.CreatedAt >= q.From && c.CreatedAt <= q.To)
                .Where(c => (cpf is null || Text(c.Debtor?["cpf"]) == cpf) && (cnpj is null || string.Equals(Text(c.Debtor?["cnpj"]), cnpj, StringComparison.OrdinalIgnoreCase)))
                .Where(c => locationPresent is null || locationPresent == c.Location.Length > 0)
                .Where(c => status is null || c.Status == status)
                .Where(c => batch is null || c.BatchId == batch)
                .OrderBy(c => c.CreatedAt).ThenBy(c => c.LocationId)
                .ToList();
            json = ListJson(q, all.Count, "cobs", all.Skip(q.Page * q.Size).Take(q.Size).Select(c => (JsonNode)ChargeJson(c)));
        }

        await JsonAsync(ctx, 200, json).ConfigureAwait(false);
    }

    private async Task ListLocRecAsync(HttpContext ctx)
    {
        if (!await AuthorizedAsync(ctx).ConfigureAwait(false)) return;
        const string error = "PayloadLocationRecConsultaInvalida";
        if (await ReadListQueryAsync(ctx, error) is not { } q) return;
        var violations = new JsonArray();
        var recPresent = OptionalBool(ctx.Request.Query["idRecPresente"], "idRecPresente", violations);
        var agreement = AgreementFilter(ctx.Request.Query, violations);
        if (await RefusedQueryAsync(ctx, error, violations).ConfigureAwait(false)) return;

        JsonObject json;
        lock (_gate)
        {
            var all = _locRecs.Values.Where(l => l.CreatedAt >= q.From && l.CreatedAt <= q.To)
                .Where(l => recPresent is null || (l.RecurrenceId is not null) == recPresent)
                // A location carries the agreement of the recurrence it is linked to (a free one has none).
                .Where(l => agreement is null || (l.RecurrenceId is { } rec && _recs.TryGetValue(rec, out var r) && r.Agreement == agreement))
                .OrderBy(l => l.Id)
                .ToList();
            json = ListJson(q, all.Count, "loc", all.Skip(q.Page * q.Size).Take(q.Size).Select(l => (JsonNode)LocRecJson(l)));
        }

        await JsonAsync(ctx, 200, json).ConfigureAwait(false);
    }

    // The optional filters the lists share. Each adds a violation (and yields null) when its value breaks the schema;
    // cpf and cnpj together are refused by ReadListQueryAsync.
    private static (string? Cpf, string? Cnpj) DocumentFilter(IQueryCollection query, JsonArray violations)
    {
        string? cpf = query["cpf"], cnpj = query["cnpj"];
        if (cpf is not null && (cpf.Length != 11 || !cpf.All(char.IsAsciiDigit)))
        {
            violations.Add(Violation("O parâmetro cpf não respeita o schema.", "cpf", null));
            cpf = null;
        }

        if (cnpj is not null && (cnpj.Length != 14 || !cnpj.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c))))
        {
            violations.Add(Violation("O parâmetro cnpj não respeita o schema.", "cnpj", null));
            cnpj = null;
        }

        return (cpf, cnpj);
    }

    private static bool MatchesDocument(string? document, string? cpf, string? cnpj) =>
        (cpf is null || document == cpf) && (cnpj is null || string.Equals(document, cnpj, StringComparison.OrdinalIgnoreCase));

    private static string? StatusFilter(IQueryCollection query, string[] statuses, JsonArray violations)
    {
        string? status = query["status"];
        if (status is null || statuses.Contains(status, StringComparer.Ordinal)) return status;
        violations.Add(Violation("O parâmetro status não respeita o schema.", "status", status));
        return null;
    }

    // convenio (since 2.8.1): 1 to 60 characters; matched against the recurrence's recebedor.convenio.
    private static string? AgreementFilter(IQueryCollection query, JsonArray violations)
    {
        string? agreement = query["convenio"];
        if (agreement is not { Length: 0 or > 60 }) return agreement;
        violations.Add(Violation("O parâmetro convenio não respeita o schema.", "convenio", null));
        return null;
    }

    private static async Task<bool> RefusedQueryAsync(HttpContext ctx, string errorType, JsonArray violations)
    {
        if (violations.Count == 0) return false;
        await ProblemAsync(ctx, 400, errorType, "Consulta inválida.", "Algum dos parâmetros informados para a consulta não respeita o schema.", violations).ConfigureAwait(false);
        return true;
    }

    private static bool? OptionalBool(string? value, string name, JsonArray violations)
    {
        if (value is null) return null;
        if (value is "true") return true;
        if (value is "false") return false;
        violations.Add(Violation($"O parâmetro {name} não respeita o schema.", name, value));
        return null;
    }
}
