namespace Cobranca.Connectors.WhatsApp;

/// <summary>A message Meta accepted (HTTP 200): accepted is not delivered; the status webhooks tell the rest.</summary>
public sealed class WhatsAppSendResult
{
    /// <summary>The message id (<c>wamid.…</c>): the key of its status webhooks.</summary>
    public required string MessageId { get; init; }

    /// <summary>The recipient as WhatsApp knows it (<c>contacts[0].wa_id</c>: may differ from what was sent by the Brazilian ninth digit), or the user sent to.</summary>
    public required WhatsAppUser Recipient { get; init; }

    /// <summary>The reference echoed by the status webhooks (<see cref="WhatsAppMessage.ClientReference"/>).</summary>
    public required string ClientReference { get; init; }

    /// <summary><c>messages[0].message_status</c> when present (<c>accepted</c>, <c>held_for_quality_assessment</c>).</summary>
    public string? MessageStatus { get; init; }

    /// <summary>How many HTTP attempts the send took (rate-limit back-offs add attempts; nothing else is repeated).</summary>
    public int Attempts { get; init; } = 1;

    /// <inheritdoc />
    public override string ToString() => $"WhatsApp message {MessageId} to {Recipient}";
}
