using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Boleto.Providers;

/// <summary>
/// The invoice's boleto cannot be confirmed now and nothing was sent twice: a create is in flight elsewhere, or an
/// earlier create lost its answer and the bank does not show it yet (asynchronous registration). Call
/// <see cref="BoletoRegistrar.RegisterAsync"/> again later: it looks the boleto up by reference first, and sends again
/// only after <see cref="BoletoRegistrarOptions.ResendAfter"/> without any trace of it.
/// </summary>
public sealed class BoletoRegistrationPendingException : ConnectorException
{
    /// <summary>Creates an exception.</summary>
    public BoletoRegistrationPendingException()
        : base("The boleto registration is pending.")
    {
    }

    /// <summary>Creates an exception.</summary>
    /// <param name="message">A description.</param>
    public BoletoRegistrationPendingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception.</summary>
    /// <param name="message">A description.</param>
    /// <param name="innerException">The cause.</param>
    public BoletoRegistrationPendingException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for one provider.</summary>
    /// <param name="provider">The provider name.</param>
    /// <param name="message">A description.</param>
    /// <param name="retryAfter">When a new call may send again (null: it will only look up).</param>
    /// <param name="innerException">The cause.</param>
    public BoletoRegistrationPendingException(string provider, string message, DateTimeOffset? retryAfter, Exception? innerException = null)
        : base(provider, "boleto.register", message, innerException)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>When a new call may send the create again if the bank still shows nothing.</summary>
    public DateTimeOffset? RetryAfter { get; }
}
