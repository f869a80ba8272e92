namespace Cobranca.Connectors.WhatsApp;

/// <summary>Settings of <see cref="WhatsAppNotificationSender"/> (bindable, e.g. from <c>Cobranca:WhatsApp:{tenant}:Notifications</c>).</summary>
public sealed class WhatsAppNotificationOptions
{
    /// <summary>The approved template for each dunning template key (<see cref="Workflows.DunningStep.TemplateKey"/>).</summary>
    public IDictionary<string, WhatsAppTemplateMapping> Templates { get; } = new Dictionary<string, WhatsAppTemplateMapping>(StringComparer.Ordinal);

    /// <summary>
    /// How long an unconfirmed send (answer lost) waits for its status webhook before the same notification may be sent
    /// again. Until then a re-run reports it unconfirmed instead of sending a second message. Default 30 minutes.
    /// </summary>
    public TimeSpan UnconfirmedResendAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Every problem with these settings; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Templates.Count == 0) errors.Add("Templates must map at least one dunning template key to an approved WhatsApp template.");
        foreach (var (key, mapping) in Templates)
        {
            if (mapping is null) { errors.Add($"Templates['{key}'] is null."); continue; }
            if (string.IsNullOrWhiteSpace(mapping.Name)) errors.Add($"Templates['{key}'].Name is required (the approved template's name).");
            if (mapping.HeaderParameters.Count > 1) errors.Add($"Templates['{key}'] has more than one header parameter.");
            foreach (var p in mapping.HeaderParameters.Concat(mapping.BodyParameters))
            {
                if (!WhatsAppNotificationValues.IsKnown(p)) errors.Add($"Templates['{key}']: unknown value '{p}'.");
            }
            if (mapping.QuickReplyPayloads.Count > 10) errors.Add($"Templates['{key}'] has more than 10 quick-reply payloads.");
        }
        if (UnconfirmedResendAfter < TimeSpan.Zero) errors.Add("UnconfirmedResendAfter must not be negative.");
        return errors;
    }
}
