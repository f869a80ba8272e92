using Cobranca.Connectors.Abstractions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cobranca.Connectors.Hosting.Internal;

internal static class HealthChecks
{
    /// <summary>The registration's failure status with what failed: the exception type and its (redacted) message.</summary>
    public static HealthCheckResult Failure(HealthCheckContext context, string system, Exception exception)
    {
        var what = exception switch
        {
            ConnectorAuthenticationException => "authentication refused",
            ConnectorTransportException => "unreachable",
            ConnectorException => "error",
            OperationCanceledException => "timed out",
            _ => "error",
        };
        // ConnectorException messages are redacted by the connectors; other exceptions keep their type only.
        var detail = exception is ConnectorException ? exception.Message : exception.GetType().FullName;
        return new HealthCheckResult(context.Registration.FailureStatus, $"{system}: {what} ({detail}).", exception is ConnectorException ? exception : null);
    }
}
