using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Sgp;

/// <summary>
/// SGP answered 403 "As credenciais de autenticação não foram fornecidas." although credentials were sent: the token
/// and app exist but SGP refused them — the token is inactive, this machine's address is not in the token's allowed
/// hosts, or the token's user lacks permission for the route. Fix it on the token's screen in SGP (the text is Django
/// REST Framework's and misleading: the credentials <i>were</i> sent).
/// </summary>
public sealed class SgpAccessRefusedException : ConnectorAuthenticationException
{
    /// <summary>Creates the exception.</summary>
    public SgpAccessRefusedException()
        : this("SGP refused the credentials.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message (redacted).</param>
    public SgpAccessRefusedException(string message)
        : base(SgpClient.ProviderName, "auth", message, 403)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message (redacted).</param>
    /// <param name="innerException">The cause.</param>
    public SgpAccessRefusedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an operation.</summary>
    /// <param name="operation">The operation refused.</param>
    /// <param name="message">The message (redacted).</param>
    /// <param name="rawBody">The reply body.</param>
    public SgpAccessRefusedException(string operation, string message, string? rawBody)
        : base(SgpClient.ProviderName, operation, message, 403, "403", rawBody)
    {
    }
}
