namespace Cobranca.Connectors.Pix.Internal;

internal static class PixRequestOptions
{
    /// <summary>Marks a request safe to resend (idempotent operation).</summary>
    public static readonly HttpRequestOptionsKey<bool> Retryable = new("cobranca.retryable");

    /// <summary>Logical operation name, for logs.</summary>
    public static readonly HttpRequestOptionsKey<string> Operation = new("cobranca.operation");

    public static void MarkRetryable(this HttpRequestMessage request, bool retryable) => request.Options.Set(Retryable, retryable);

    public static bool IsRetryable(this HttpRequestMessage request) =>
        request.Options.TryGetValue(Retryable, out var value) && value;
}
