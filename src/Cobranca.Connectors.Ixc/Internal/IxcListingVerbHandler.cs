namespace Cobranca.Connectors.Ixc.Internal;

/// <summary>
/// Sends a listing as GET-with-body when the request says so (<see cref="IxcRequestOptions.ListingVerbKey"/>). Stateless:
/// the verb travels with each request, so pooled handlers never hold tenant settings.
/// </summary>
internal sealed class IxcListingVerbHandler : DelegatingHandler
{
    private static readonly HttpRequestOptionsKey<string> VerbKey = new(IxcRequestOptions.ListingVerbKey);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(VerbKey, out var verb) && string.Equals(verb, "GET", StringComparison.Ordinal))
            request.Method = HttpMethod.Get;
        return base.SendAsync(request, cancellationToken);
    }
}
