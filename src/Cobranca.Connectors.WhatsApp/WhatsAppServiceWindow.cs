namespace Cobranca.Connectors.WhatsApp;

/// <summary>A user's 24-hour customer-service window as known from the inbound messages seen.</summary>
/// <param name="IsOpen">True when free-form messages may be sent now.</param>
/// <param name="LastInboundAt">When the user last wrote, if ever seen.</param>
/// <param name="ClosesAt">When the window closes (last inbound + 24 h), if ever seen.</param>
public sealed record WhatsAppServiceWindow(bool IsOpen, DateTimeOffset? LastInboundAt, DateTimeOffset? ClosesAt);
