namespace Cobranca.Connectors.WhatsApp;

/// <summary>What a <see cref="IWhatsAppTransport"/> can do.</summary>
[Flags]
public enum WhatsAppTransportCapabilities
{
    /// <summary>Nothing beyond plain text.</summary>
    None = 0,
    /// <summary>Meta's official API (Cloud API): templates, signed webhooks, quality signals.</summary>
    Official = 1,
    /// <summary>Approved templates (business-initiated messages outside the window).</summary>
    Templates = 2,
    /// <summary>Interactive reply buttons.</summary>
    Buttons = 4,
    /// <summary>Interactive lists.</summary>
    Lists = 8,
    /// <summary>Documents (PDF).</summary>
    Documents = 16,
    /// <summary>Images.</summary>
    Images = 32,
    /// <summary>Media upload (ids instead of links).</summary>
    MediaUpload = 64,
    /// <summary>Webhooks signed with the app secret.</summary>
    SignedWebhooks = 128,
    /// <summary>Everything the Cloud API transport offers.</summary>
    CloudApi = Official | Templates | Buttons | Lists | Documents | Images | MediaUpload | SignedWebhooks,
}
