using Cobranca.Connectors.Http;
using Refit;

namespace Cobranca.Connectors.Ixc.Internal;

/// <summary>
/// The IXC webservice v1 routes. Bodies are pre-serialised JSON (<see cref="HttpContent"/>) and replies are read raw,
/// because IXC reports errors by body shape (HTTP 200 with an error object, an HTML fragment or an empty body), not by
/// status. The base address already ends in <c>/webservice/v1</c>.
/// </summary>
internal interface IIxcApi
{
    /// <summary>A listing (<c>ixcsoft: listar</c>) of one table. The verb may be switched to GET by <see cref="IxcRequestOptions.ListingVerbKey"/>.</summary>
    [Post("/{table}")]
    [Headers("ixcsoft: listar")]
    Task<HttpResponseMessage> ListAsync(string table, [Body] HttpContent body,
        [Property(IxcRequestOptions.ListingVerbKey)] string listingVerb,
        [Property(RetryableRequest.PropertyKey)] bool retryable,
        [Property(IxcReplyReader.Key)] IxcReplyReader reader,
        CancellationToken cancellationToken);

    /// <summary>A "button"/resource endpoint (POST with a small JSON body, no <c>ixcsoft</c> header).</summary>
    [Post("/{resource}")]
    Task<HttpResponseMessage> ActionAsync(string resource, [Body] HttpContent body,
        [Property(RetryableRequest.PropertyKey)] bool retryable,
        [Property(IxcReplyReader.Key)] IxcReplyReader reader,
        CancellationToken cancellationToken);
}
