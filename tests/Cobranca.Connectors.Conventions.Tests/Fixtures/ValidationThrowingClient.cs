using Cobranca.Connectors.Abstractions;
using Microsoft.Extensions.Logging;

namespace Cobranca.Connectors.Conventions.Tests.Fixtures;

/// <summary>Wrong only in the exception it throws for invalid options (the MikroTik case).</summary>
public sealed class ValidationThrowingClient : IValidationThrowingClient
{
    public ValidationThrowingClient(WrongClientOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _ = (loggerFactory, timeProvider);
        if (string.IsNullOrEmpty(options.BaseUrl)) throw new ConnectorValidationException("wrong", "configure", "BaseUrl is required.");
    }
}

/// <summary>Its mocking interface.</summary>
public interface IValidationThrowingClient;
