namespace Cobranca.Connectors.Http;

/// <summary>How an OAuth2 <c>client_credentials</c> token request is written (shared by the Pix and boleto clients).</summary>
internal enum OAuthTokenStyle
{
    /// <summary>HTTP Basic <c>client_id:client_secret</c>, form body <c>grant_type=client_credentials[&amp;scope=…]</c>.</summary>
    BasicForm = 0,

    /// <summary>HTTP Basic <c>client_id:client_secret</c>, JSON body <c>{"grant_type":"client_credentials"}</c> (Efí).</summary>
    BasicJson = 1,

    /// <summary>No Authorization header; <c>client_id</c> (and <c>client_secret</c> when set) in the form body (Inter, Sicoob).</summary>
    FormCredentials = 2,
}
