namespace Cobranca.Connectors.Pix;

/// <summary>A webhook registration for a Pix key (<c>GET /webhook/{chave}</c>).</summary>
public sealed class PixWebhook
{
    /// <summary>The URL the PSP calls; it POSTs to this URL plus <c>/pix</c>.</summary>
    public required Uri Url { get; init; }

    /// <summary>The key it was registered for. Personal data for CPF/phone/e-mail keys: mask before logging.</summary>
    public string? Key { get; init; }

    /// <summary>When it was registered.</summary>
    public DateTimeOffset? CreatedAt { get; init; }
}
