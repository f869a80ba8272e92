using System.Text.Json;
using Cobranca.Connectors.Testing.WhatsApp;

namespace CollectionsBot;

/// <summary>Reads what the bot sent through the WhatsApp Cloud sandbox back as the customer would see it.</summary>
public static class SandboxTranscript
{
    /// <summary>What the customer sees of one outbound message, in one line (images and documents described).</summary>
    public static string Render(WhatsAppCloudSandbox sandbox, WhatsAppSandboxMessage message)
    {
        using var doc = JsonDocument.Parse(message.Body);
        var root = doc.RootElement;
        switch (message.Type)
        {
            case "text":
                return root.GetProperty("text").GetProperty("body").GetString() ?? "";
            case "interactive":
            {
                var i = root.GetProperty("interactive");
                var body = i.GetProperty("body").GetProperty("text").GetString();
                var action = i.GetProperty("action");
                if (action.TryGetProperty("buttons", out var buttons))
                {
                    var n = 0;
                    return body + "\n" + string.Join("\n", buttons.EnumerateArray().Select(b =>
                        $"   [{++n}] {b.GetProperty("reply").GetProperty("title").GetString()}  (#{b.GetProperty("reply").GetProperty("id").GetString()})"));
                }
                var rows = action.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("rows").EnumerateArray());
                return body + $"\n   ({action.GetProperty("button").GetString()})\n" + string.Join("\n", rows.Select(r =>
                    $"   - {r.GetProperty("title").GetString()} {(r.TryGetProperty("description", out var d) ? "· " + d.GetString() : "")}  (#{r.GetProperty("id").GetString()})"));
            }
            case "image":
            case "document":
            {
                var m = root.GetProperty(message.Type);
                var caption = m.TryGetProperty("caption", out var c) ? c.GetString() : "";
                if (m.TryGetProperty("link", out var link)) return $"[{message.Type}: {link.GetString()}] {caption}";
                var media = sandbox.Media(m.GetProperty("id").GetString()!);
                return $"[{message.Type}: {media?.FileName} {media?.MimeType}, {media?.Bytes.Length} bytes, uploaded as media] {caption}";
            }
            case "template":
            {
                // What the customer reads depends on the approved body; show the name and the values filled in.
                var t = root.GetProperty("template");
                var values = t.TryGetProperty("components", out var components)
                    ? components.EnumerateArray().Where(c => c.TryGetProperty("parameters", out _))
                        .SelectMany(c => c.GetProperty("parameters").EnumerateArray()).Select(TemplateValue)
                    : [];
                return $"[template {t.GetProperty("name").GetString()}: {string.Join(" | ", values)}]";
            }
            default:
                return $"[{message.Type}]";
        }
    }

    private static string? TemplateValue(JsonElement p) => p.GetProperty("type").GetString() switch
    {
        "text" => p.GetProperty("text").GetString(),
        "currency" => p.GetProperty("currency").GetProperty("fallback_value").GetString(),
        "date_time" => p.GetProperty("date_time").GetProperty("fallback_value").GetString(),
        var other => $"({other})",
    };

    /// <summary>The outbound messages to one WhatsApp id, oldest first.</summary>
    public static IReadOnlyList<WhatsAppSandboxMessage> To(WhatsAppCloudSandbox sandbox, string waId) =>
        [.. sandbox.Messages.Where(m => m.WaId == waId).OrderBy(m => m.AcceptedAt)];
}
