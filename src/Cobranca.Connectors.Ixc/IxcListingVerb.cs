namespace Cobranca.Connectors.Ixc;

/// <summary>How listings (<c>ixcsoft: listar</c>) are sent. IXC's manual says GET with a JSON body; almost every instance also accepts POST.</summary>
public enum IxcListingVerb
{
    /// <summary>POST with a JSON body and <c>ixcsoft: listar</c> (the default; works on nearly every instance).</summary>
    Post,
    /// <summary>GET with a JSON body and <c>ixcsoft: listar</c>, as IXC's manual documents (some instances need it).</summary>
    GetWithBody,
}
