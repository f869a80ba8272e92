namespace Cobranca.Connectors.WhatsApp;

internal static class WhatsAppMediaRules
{
    public const int MaxCaptionLength = 1024;

    public static IReadOnlyList<string> Validate(Uri? link, string? mediaId, string? caption)
    {
        var errors = new List<string>();
        if (link is null == string.IsNullOrWhiteSpace(mediaId)) errors.Add("Set exactly one of Link and MediaId.");
        if (link is not null && (!link.IsAbsoluteUri || link.Scheme != Uri.UriSchemeHttps)) errors.Add("Link must be an absolute https URL.");
        if (caption is { Length: > MaxCaptionLength }) errors.Add($"Caption has {caption.Length} characters; the limit is {MaxCaptionLength}.");
        return errors;
    }
}
