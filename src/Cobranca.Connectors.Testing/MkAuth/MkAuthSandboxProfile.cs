namespace Cobranca.Connectors.Testing.MkAuth;

/// <summary>Which MK-Auth version the <see cref="MkAuthSandbox"/> behaves like (routes and envelopes differ between releases).</summary>
public enum MkAuthSandboxProfile
{
    /// <summary>
    /// A current install: <c>cliente/show</c> answers a bare row or <c>false</c>; titles in <c>{"Total":n,"titulos":[…]}</c>
    /// with <c>pix</c>, <c>pix_link</c> and <c>pix_qr</c>; paged listings with the "past the last page" message;
    /// <c>PUT cliente/editar</c> and <c>GET cliente/desbloqueio/{uuid}</c>; the boleto page at <c>/boleto/boleto.hhvm</c>.
    /// </summary>
    Current,

    /// <summary>
    /// An older install: <c>cliente/show</c> answers <c>{"dados":[…],"wifi":{…}}</c> or the bare string <c>NULL</c>; titles in
    /// <c>{"dados":[…]}</c> without Pix and with cancelled (<c>deltitulo=1</c>) rows; listings ignore paging and return
    /// everything; no <c>cliente/editar</c> and no <c>cliente/desbloqueio</c> (HTTP 404); mojibake in messages and some names;
    /// a junk character after every JSON reply; the boleto page at <c>/boleto/21boleto.php</c>.
    /// </summary>
    Legacy,
}
