namespace Cobranca.Connectors.Ixc.Internal;

/// <summary>Keys of the per-request options the IXC pipeline reads (<see cref="HttpRequestMessage.Options"/>).</summary>
internal static class IxcRequestOptions
{
    public const string ListingVerbKey = "cobranca.ixc.listing-verb";
}
