namespace Cobranca.Connectors.WhatsApp;

internal static class WhatsAppInteractiveRules
{
    public static IReadOnlyList<string> ValidateButtons(WhatsAppButtonsMessage m)
    {
        var errors = new List<string>();
        Common(errors, m.Body, 1024, m.Header, m.Footer);
        if (m.Buttons is null || m.Buttons.Count is < 1 or > 3) errors.Add("Buttons must have 1 to 3 buttons.");
        else
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var b in m.Buttons)
            {
                if (b is null) { errors.Add("A button is null."); continue; }
                if (string.IsNullOrWhiteSpace(b.Id) || b.Id.Length > 256) errors.Add("A button id must have 1 to 256 characters.");
                else if (!ids.Add(b.Id)) errors.Add($"Button id '{b.Id}' is repeated.");
                if (string.IsNullOrWhiteSpace(b.Title) || b.Title.Length > 20) errors.Add("A button title must have 1 to 20 characters.");
            }
        }
        return errors;
    }

    public static IReadOnlyList<string> ValidateList(WhatsAppListMessage m)
    {
        var errors = new List<string>();
        Common(errors, m.Body, 4096, m.Header, m.Footer);
        if (string.IsNullOrWhiteSpace(m.ButtonText) || m.ButtonText.Length > 20) errors.Add("ButtonText must have 1 to 20 characters.");
        if (m.Sections is null || m.Sections.Count is < 1 or > 10) { errors.Add("Sections must have 1 to 10 sections."); return errors; }
        var rows = 0;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in m.Sections)
        {
            if (s is null) { errors.Add("A section is null."); continue; }
            if (m.Sections.Count > 1 && string.IsNullOrWhiteSpace(s.Title)) errors.Add("Every section needs a title when there are several.");
            if (s.Title is { Length: > 24 }) errors.Add("A section title has at most 24 characters.");
            if (s.Rows is null || s.Rows.Count == 0) { errors.Add("Every section needs at least one row."); continue; }
            foreach (var r in s.Rows)
            {
                rows++;
                if (r is null) { errors.Add("A row is null."); continue; }
                if (string.IsNullOrWhiteSpace(r.Id) || r.Id.Length > 200) errors.Add("A row id must have 1 to 200 characters.");
                else if (!ids.Add(r.Id)) errors.Add($"Row id '{r.Id}' is repeated.");
                if (string.IsNullOrWhiteSpace(r.Title) || r.Title.Length > 24) errors.Add("A row title must have 1 to 24 characters.");
                if (r.Description is { Length: > 72 }) errors.Add("A row description has at most 72 characters.");
            }
        }
        if (rows > 10) errors.Add($"A list has at most 10 rows in all (got {rows}).");
        return errors;
    }

    private static void Common(List<string> errors, string body, int maxBody, string? header, string? footer)
    {
        if (string.IsNullOrWhiteSpace(body)) errors.Add("Body is required.");
        else if (body.Length > maxBody) errors.Add($"Body has {body.Length} characters; the limit is {maxBody}.");
        if (header is { Length: > 60 }) errors.Add("Header has at most 60 characters.");
        if (footer is { Length: > 60 }) errors.Add("Footer has at most 60 characters.");
    }
}
