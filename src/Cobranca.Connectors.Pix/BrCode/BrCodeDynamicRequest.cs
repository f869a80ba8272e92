namespace Cobranca.Connectors.Pix;

/// <summary>
/// A dynamic BR Code: the payload URL (26/25) returned by the PSP as <c>location</c> of a <c>cob</c>/<c>cobv</c>.
/// Point of Initiation is 12 (single use) and the reference label is <c>***</c>.
/// </summary>
public sealed class BrCodeDynamicRequest : BrCodeRequest
{
    /// <summary>The payload location without scheme, e.g. <c>pix.example.com/qr/v2/9d36b84f</c>; up to 77 characters.</summary>
    public required string Url { get; init; }
}
