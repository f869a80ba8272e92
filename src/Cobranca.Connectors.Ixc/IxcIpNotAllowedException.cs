using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Ixc;

/// <summary>
/// IXC refused the call because the caller's public IP is not in the webservice user's allow-list
/// ("Seu IP não está liberado para efetuar login!"). This is the first thing every new tenant hits: add the egress IP
/// of the machine running the SDK under <i>Configurações &gt; Usuários &gt; Grupo &gt; Redes Permitidas</i> in IXC, or
/// route the calls through a host with a fixed IP. Retrying will not help.
/// </summary>
public class IxcIpNotAllowedException : ConnectorAuthenticationException
{
    /// <summary>Creates an exception (standard constructor).</summary>
    public IxcIpNotAllowedException()
        : this(Hint)
    {
    }

    /// <summary>Creates an exception (standard constructor; <see cref="ConnectorException.Operation"/> is empty).</summary>
    /// <param name="message">What happened; redacted on construction.</param>
    public IxcIpNotAllowedException(string message)
        : this(message, null)
    {
    }

    /// <summary>Creates an exception (standard constructor; <see cref="ConnectorException.Operation"/> is empty).</summary>
    /// <param name="message">What happened; redacted on construction.</param>
    /// <param name="innerException">The cause.</param>
    public IxcIpNotAllowedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The hint every instance of this exception carries in its message.</summary>
    public const string Hint =
        "IXC refused the caller's IP address. Add the public (egress) IP of this machine to the webservice user's group " +
        "under Configurações > Usuários > Grupo > Redes Permitidas, or call IXC through a host with a fixed IP.";

    /// <summary>Creates an exception.</summary>
    /// <param name="operation">Logical operation.</param>
    /// <param name="statusCode">HTTP status (IXC usually answers 200).</param>
    /// <param name="rawBody">The reply body; redacted and truncated on construction.</param>
    public IxcIpNotAllowedException(string operation, int? statusCode = null, string? rawBody = null)
        : base(IxcClient.ProviderName, operation, Hint, statusCode, "ip-not-allowed", rawBody)
    {
    }
}
