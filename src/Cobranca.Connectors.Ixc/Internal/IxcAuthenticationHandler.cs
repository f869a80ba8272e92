using System.Net.Http.Headers;
using System.Text;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Ixc.Internal;

/// <summary>
/// Puts the tenant's Basic credentials (<c>user:token</c>) on every request, read from the <see cref="ConnectorCredential"/>
/// each time: a rotated token (<see cref="ConnectorCredential.Update"/>, or a configuration reload with DI) is used on the
/// next request, with no restart. The encoded header is reused while the credential does not change.
/// </summary>
internal sealed class IxcAuthenticationHandler(ConnectorCredential credential) : DelegatingHandler
{
    private Encoded? _last;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = Header();
        return base.SendAsync(request, cancellationToken);
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = Header();
        return base.Send(request, cancellationToken);
    }

    private AuthenticationHeaderValue Header()
    {
        var pair = IxcClientOptions.BasicCredentials(credential);
        var last = Volatile.Read(ref _last);
        if (last is not null && string.Equals(last.Pair, pair, StringComparison.Ordinal)) return last.Header;
        var header = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
        Volatile.Write(ref _last, new Encoded(pair, header));
        return header;
    }

    // Holds the pair only to notice a rotation; never printed.
    private sealed record Encoded(string Pair, AuthenticationHeaderValue Header)
    {
        public override string ToString() => "Basic ***";
    }
}
