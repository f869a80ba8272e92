namespace Cobranca.Connectors.Pix;

/// <summary>How a PSP wants the OAuth2 <c>client_credentials</c> token request (it always travels over the mTLS connection).</summary>
public enum PixAuthStyle
{
    /// <summary>HTTP Basic <c>client_id:client_secret</c>, form body <c>grant_type=client_credentials[&amp;scope=…]</c> (most PSPs).</summary>
    BasicForm = 0,

    /// <summary>HTTP Basic <c>client_id:client_secret</c>, JSON body <c>{"grant_type":"client_credentials"}</c> (Efí).</summary>
    BasicJson = 1,

    /// <summary>No Authorization header; <c>client_id</c> (and <c>client_secret</c> when set) in the form body (Inter, Sicoob, Itaú).</summary>
    FormCredentials = 2,
}
