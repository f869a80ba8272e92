namespace Cobranca.Connectors.MkAuth;

/// <summary>What an MK-Auth install offers, detected at first use (versions differ).</summary>
[Flags]
public enum MkAuthFeatures
{
    /// <summary>Nothing optional.</summary>
    None = 0,
    /// <summary><c>PUT /api/cliente/editar</c> exists (block/unblock by flipping <c>bloqueado</c>).</summary>
    ClientEdit = 1 << 0,
    /// <summary><c>GET /api/cliente/desbloqueio/{uuid}</c> exists (the install's own trust unlock).</summary>
    TrustUnlockRoute = 1 << 1,
    /// <summary>Title rows carry <c>pix</c> (Pix copia-e-cola).</summary>
    Pix = 1 << 2,
    /// <summary>Title rows carry <c>pix_link</c>.</summary>
    PixLink = 1 << 3,
    /// <summary>Title rows carry <c>pix_qr</c> (a PNG data URI).</summary>
    PixQrImage = 1 << 4,
    /// <summary><c>/listar/pagina=N&amp;limite=M</c> is honoured (some versions ignore it and return everything).</summary>
    Paging = 1 << 5,
    /// <summary>A boleto page (<c>/boleto/boleto.hhvm</c> or <c>/boleto/21boleto.php</c>) answers.</summary>
    BoletoPage = 1 << 6,
}
