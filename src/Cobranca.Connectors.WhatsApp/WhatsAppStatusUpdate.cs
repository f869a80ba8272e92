namespace Cobranca.Connectors.WhatsApp;

/// <summary>A status webhook of an outbound message (<c>statuses[]</c>) that moved its state forward.</summary>
public sealed class WhatsAppStatusUpdate
{
    /// <summary>The outbound wamid.</summary>
    public required string MessageId { get; init; }

    /// <summary>The business number (<c>metadata.phone_number_id</c>).</summary>
    public required string PhoneNumberId { get; init; }

    /// <summary>The new status.</summary>
    public required WhatsAppMessageStatus Status { get; init; }

    /// <summary>When it happened.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The recipient (<c>recipient_id</c> and/or <c>recipient_user_id</c>), when reported.</summary>
    public WhatsAppUser? Recipient { get; init; }

    /// <summary>The client reference of the send (<c>biz_opaque_callback_data</c>), when reported.</summary>
    public string? ClientReference { get; init; }

    /// <summary>The errors of a <see cref="WhatsAppMessageStatus.Failed"/> status.</summary>
    public IReadOnlyList<WhatsAppError> Errors { get; init; } = [];

    /// <summary><c>pricing.category</c> (<c>utility</c>, <c>marketing</c>, <c>service</c> ...), when reported.</summary>
    public string? PricingCategory { get; init; }

    /// <summary><c>pricing.billable</c>, when reported.</summary>
    public bool? Billable { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"Status {Status} of {MessageId}";
}
