using System.Globalization;
using System.Text.Json;

namespace Cobranca.Connectors.WhatsApp;

/// <summary>Writes the exact Cloud API request bodies (property order as in Meta's examples).</summary>
internal static class WhatsAppRequestWriter
{
    public static byte[] Write(WhatsAppMessage message)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("messaging_product", "whatsapp");
            w.WriteString("recipient_type", "individual");
            if (message.To.WaId is not null) w.WriteString("to", message.To.WaId);
            else w.WriteString("recipient", message.To.UserId);
            if (message.ReplyToMessageId is not null)
            {
                w.WriteStartObject("context");
                w.WriteString("message_id", message.ReplyToMessageId);
                w.WriteEndObject();
            }
            w.WriteString("type", message.Type);
            switch (message)
            {
                case WhatsAppTextMessage t:
                    w.WriteStartObject("text");
                    w.WriteBoolean("preview_url", t.PreviewUrl);
                    w.WriteString("body", t.Body);
                    w.WriteEndObject();
                    break;
                case WhatsAppTemplateMessage t:
                    WriteTemplate(w, t);
                    break;
                case WhatsAppDocumentMessage d:
                    w.WriteStartObject("document");
                    WriteMedia(w, d.Link, d.MediaId);
                    if (d.Caption is not null) w.WriteString("caption", d.Caption);
                    if (d.FileName is not null) w.WriteString("filename", d.FileName);
                    w.WriteEndObject();
                    break;
                case WhatsAppImageMessage i:
                    w.WriteStartObject("image");
                    WriteMedia(w, i.Link, i.MediaId);
                    if (i.Caption is not null) w.WriteString("caption", i.Caption);
                    w.WriteEndObject();
                    break;
                case WhatsAppButtonsMessage b:
                    w.WriteStartObject("interactive");
                    w.WriteString("type", "button");
                    WriteFrame(w, b.Header, b.Body, b.Footer);
                    w.WriteStartObject("action");
                    w.WriteStartArray("buttons");
                    foreach (var button in b.Buttons)
                    {
                        w.WriteStartObject();
                        w.WriteString("type", "reply");
                        w.WriteStartObject("reply");
                        w.WriteString("id", button.Id);
                        w.WriteString("title", button.Title);
                        w.WriteEndObject();
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteEndObject();
                    w.WriteEndObject();
                    break;
                case WhatsAppListMessage l:
                    w.WriteStartObject("interactive");
                    w.WriteString("type", "list");
                    WriteFrame(w, l.Header, l.Body, l.Footer);
                    w.WriteStartObject("action");
                    w.WriteString("button", l.ButtonText);
                    w.WriteStartArray("sections");
                    foreach (var s in l.Sections)
                    {
                        w.WriteStartObject();
                        if (s.Title is not null) w.WriteString("title", s.Title);
                        w.WriteStartArray("rows");
                        foreach (var r in s.Rows)
                        {
                            w.WriteStartObject();
                            w.WriteString("id", r.Id);
                            w.WriteString("title", r.Title);
                            if (r.Description is not null) w.WriteString("description", r.Description);
                            w.WriteEndObject();
                        }
                        w.WriteEndArray();
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteEndObject();
                    w.WriteEndObject();
                    break;
                default:
                    throw new NotSupportedException($"Message type {message.GetType().Name} is not supported by the Cloud API transport.");
            }
            if (message.ClientReference is not null) w.WriteString("biz_opaque_callback_data", message.ClientReference);
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    public static byte[] WriteMarkAsRead(string messageId)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("messaging_product", "whatsapp");
            w.WriteString("status", "read");
            w.WriteString("message_id", messageId);
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void WriteFrame(Utf8JsonWriter w, string? header, string body, string? footer)
    {
        if (header is not null)
        {
            w.WriteStartObject("header");
            w.WriteString("type", "text");
            w.WriteString("text", header);
            w.WriteEndObject();
        }
        w.WriteStartObject("body");
        w.WriteString("text", body);
        w.WriteEndObject();
        if (footer is not null)
        {
            w.WriteStartObject("footer");
            w.WriteString("text", footer);
            w.WriteEndObject();
        }
    }

    private static void WriteMedia(Utf8JsonWriter w, Uri? link, string? mediaId)
    {
        if (mediaId is not null) w.WriteString("id", mediaId);
        else w.WriteString("link", link!.AbsoluteUri);
    }

    private static void WriteTemplate(Utf8JsonWriter w, WhatsAppTemplateMessage t)
    {
        w.WriteStartObject("template");
        w.WriteString("name", t.Name);
        w.WriteStartObject("language");
        w.WriteString("code", t.LanguageCode);
        w.WriteEndObject();
        var header = t.HeaderParameters ?? [];
        var body = t.BodyParameters ?? [];
        var buttons = t.Buttons ?? [];
        if (header.Count + body.Count + buttons.Count > 0)
        {
            w.WriteStartArray("components");
            if (header.Count > 0) WriteComponent(w, "header", header);
            if (body.Count > 0) WriteComponent(w, "body", body);
            foreach (var b in buttons.OrderBy(b => b.Index))
            {
                w.WriteStartObject();
                w.WriteString("type", "button");
                w.WriteString("sub_type", b.SubType);
                w.WriteString("index", b.Index.ToString(CultureInfo.InvariantCulture));
                w.WriteStartArray("parameters");
                w.WriteStartObject();
                if (b.SubType == "quick_reply")
                {
                    w.WriteString("type", "payload");
                    w.WriteString("payload", b.Value);
                }
                else
                {
                    w.WriteString("type", "text");
                    w.WriteString("text", b.Value);
                }
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void WriteComponent(Utf8JsonWriter w, string type, IReadOnlyList<WhatsAppTemplateParameter> parameters)
    {
        w.WriteStartObject();
        w.WriteString("type", type);
        w.WriteStartArray("parameters");
        foreach (var p in parameters)
        {
            w.WriteStartObject();
            switch (p.Kind)
            {
                case WhatsAppTemplateParameterKind.Text:
                    w.WriteString("type", "text");
                    if (p.Name is not null) w.WriteString("parameter_name", p.Name);
                    w.WriteString("text", p.Value);
                    break;
                case WhatsAppTemplateParameterKind.Currency:
                    w.WriteString("type", "currency");
                    if (p.Name is not null) w.WriteString("parameter_name", p.Name);
                    w.WriteStartObject("currency");
                    w.WriteString("fallback_value", p.Value);
                    w.WriteString("code", p.CurrencyCode);
                    w.WriteNumber("amount_1000", (long)(p.Amount!.Value * 1000m));
                    w.WriteEndObject();
                    break;
                case WhatsAppTemplateParameterKind.DateTime:
                    w.WriteString("type", "date_time");
                    if (p.Name is not null) w.WriteString("parameter_name", p.Name);
                    w.WriteStartObject("date_time");
                    w.WriteString("fallback_value", p.Value);
                    w.WriteEndObject();
                    break;
                case WhatsAppTemplateParameterKind.Image:
                    w.WriteString("type", "image");
                    w.WriteStartObject("image");
                    WriteMedia(w, p.Link, p.MediaId);
                    w.WriteEndObject();
                    break;
                case WhatsAppTemplateParameterKind.Document:
                    w.WriteString("type", "document");
                    w.WriteStartObject("document");
                    WriteMedia(w, p.Link, p.MediaId);
                    if (p.FileName is not null) w.WriteString("filename", p.FileName);
                    w.WriteEndObject();
                    break;
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
