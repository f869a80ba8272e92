using System.Text.RegularExpressions;

namespace Cobranca.Connectors.WhatsApp;

internal static partial class WhatsAppTemplateRules
{
    public const int MaxHeaderText = 60;
    public const int MaxBodyParameter = 1024;

    public static IReadOnlyList<string> Validate(WhatsAppTemplateMessage m)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(m.Name) || !TemplateName().IsMatch(m.Name))
            errors.Add("Name must be the approved template's name: lower-case letters, digits and underscores, up to 512 characters.");
        if (string.IsNullOrWhiteSpace(m.LanguageCode) || !LanguageCode().IsMatch(m.LanguageCode))
            errors.Add("LanguageCode must be a language code such as pt_BR.");
        var header = m.HeaderParameters ?? [];
        var body = m.BodyParameters ?? [];
        if (header.Count > 1) errors.Add("A template header takes at most one parameter.");
        for (var i = 0; i < header.Count; i++) Check(errors, header[i], $"Header parameter {i + 1}", MaxHeaderText, header: true);
        for (var i = 0; i < body.Count; i++) Check(errors, body[i], $"Body parameter {i + 1}", MaxBodyParameter, header: false);
        var all = header.Concat(body).Where(p => p is not null && p.Kind is not (WhatsAppTemplateParameterKind.Image or WhatsAppTemplateParameterKind.Document)).ToList();
        var named = all.Count(p => p.Name is not null);
        if (named > 0 && named < all.Count) errors.Add("Parameters must be all named or all positional.");
        foreach (var p in all.Where(p => p.Name is not null && !ParameterName().IsMatch(p.Name!)))
            errors.Add($"Parameter name '{p.Name}' must be lower-case letters, digits and underscores.");
        var names = all.Where(p => p.Name is not null).GroupBy(p => p.Name!, StringComparer.Ordinal).Where(g => g.Count() > 1);
        foreach (var g in names) errors.Add($"Parameter name '{g.Key}' is repeated.");
        var indexes = new HashSet<int>();
        foreach (var b in m.Buttons ?? [])
        {
            if (b is null) { errors.Add("A button is null."); continue; }
            if (b.Index is < 0 or > 9) errors.Add($"Button index {b.Index} must be between 0 and 9.");
            else if (!indexes.Add(b.Index)) errors.Add($"Button index {b.Index} is repeated.");
            if (string.IsNullOrEmpty(b.Value)) errors.Add($"Button {b.Index} needs a value.");
            else if (b.SubType == "quick_reply" && b.Value.Length > 1000) errors.Add($"Button {b.Index}'s payload has more than 1000 characters.");
            else if (b.SubType == "url" && b.Value.Length > 2000) errors.Add($"Button {b.Index}'s URL suffix has more than 2000 characters.");
        }
        return errors;
    }

    private static void Check(List<string> errors, WhatsAppTemplateParameter? p, string what, int maxText, bool header)
    {
        if (p is null) { errors.Add($"{what} is null."); return; }
        switch (p.Kind)
        {
            case WhatsAppTemplateParameterKind.Text:
                CheckText(errors, p.Value, what, maxText);
                break;
            case WhatsAppTemplateParameterKind.Currency:
                CheckText(errors, p.Value, what + " (fallback)", maxText);
                if (p.CurrencyCode is null || !CurrencyCode().IsMatch(p.CurrencyCode)) errors.Add($"{what}: the currency code must be three upper-case letters (BRL).");
                if (p.Amount is { } a && decimal.Round(a * 1000m) != a * 1000m) errors.Add($"{what}: the amount has more than three decimals.");
                if (p.Amount is < 0m) errors.Add($"{what}: the amount is negative.");
                break;
            case WhatsAppTemplateParameterKind.DateTime:
                CheckText(errors, p.Value, what + " (fallback)", maxText);
                break;
            case WhatsAppTemplateParameterKind.Image:
            case WhatsAppTemplateParameterKind.Document:
                if (!header) errors.Add($"{what}: images and documents go in the header only.");
                foreach (var e in WhatsAppMediaRules.Validate(p.Link, p.MediaId, null)) errors.Add($"{what}: {e}");
                break;
        }
    }

    private static void CheckText(List<string> errors, string? value, string what, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) { errors.Add($"{what} is empty."); return; }
        if (value.Length > max) errors.Add($"{what} has {value.Length} characters; the limit is {max}.");
        if (value.IndexOfAny(['\n', '\r', '\t']) >= 0) errors.Add($"{what} has a new line or a tab (not allowed in template parameters; see WhatsAppTemplateParameter.Sanitize).");
        if (value.Contains("     ", StringComparison.Ordinal)) errors.Add($"{what} has more than four consecutive spaces.");
    }

    [GeneratedRegex("^[a-z0-9_]{1,512}$")]
    private static partial Regex TemplateName();

    [GeneratedRegex("^[a-z]{2,3}(_[A-Za-z]{2,4})?$")]
    private static partial Regex LanguageCode();

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex ParameterName();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();
}
