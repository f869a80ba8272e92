using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Sgp;

/// <summary>
/// SGP answered 403 "Credenciais de autenticação incorretas.": no token with that application name exists. Check the
/// token and the app name, <b>including its case</b> ("Cobranca" and "cobranca" are different apps).
/// </summary>
public sealed class SgpCredentialsRejectedException : ConnectorAuthenticationException
{
    /// <summary>Creates the exception.</summary>
    public SgpCredentialsRejectedException()
        : this("SGP rejected the credentials.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message (redacted).</param>
    public SgpCredentialsRejectedException(string message)
        : base(SgpClient.ProviderName, "auth", message, 403)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message (redacted).</param>
    /// <param name="innerException">The cause.</param>
    public SgpCredentialsRejectedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an operation.</summary>
    /// <param name="operation">The operation refused.</param>
    /// <param name="message">The message (redacted).</param>
    /// <param name="rawBody">The reply body.</param>
    public SgpCredentialsRejectedException(string operation, string message, string? rawBody)
        : base(SgpClient.ProviderName, operation, message, 403, "403", rawBody)
    {
    }
}
