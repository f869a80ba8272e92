using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Http;

namespace Cobranca.Connectors.Ixc.Internal;

/// <summary>
/// Sits inside the resilience pipeline (one pass per attempt): reads the reply body (capped by
/// <see cref="IxcClientOptions.MaxReplyBytes"/>) and, for reads, parses it, so a reset mid-body, a body shorter than
/// announced or a truncated/malformed 200 fails the <b>attempt</b> and the retry repeats it. Writes are only read here
/// (never re-sent: the pipeline's retry only repeats requests marked retryable). Stateless, so pooled handlers hold no
/// tenant settings: everything travels with the request in an <see cref="IxcReplyReader"/>.
/// </summary>
internal sealed class IxcReplyHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!request.Options.TryGetValue(IxcReplyReader.OptionsKey, out var reader) || response.Content is IxcBufferedContent) return response;

        var status = (int)response.StatusCode;
        IxcBufferedContent content;
        try
        {
            var body = await IxcBody.ReadAsync(response.Content, reader.MaxBytes, reader.Operation, status, cancellationToken).ConfigureAwait(false);
            content = new IxcBufferedContent(body);
            foreach (var header in response.Content.Headers) content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
        catch
        {
            response.Dispose();
            throw;
        }
        response.Content.Dispose();
        response.Content = content;

        if (reader.Parse is { } parse && status is >= 200 and < 300)
        {
            try
            {
                content.SetValue(parse(content.Body.Memory));
            }
            catch (ConnectorTransportException ex) when (ex is not IxcReplyTooLargeException && request.IsRetryable())
            {
                // A body that arrived but is not the protocol (cut JSON, empty): fail this attempt so it is retried.
                response.Dispose();
                throw new IxcReplyException(reader.Operation, status, ex);
            }
            catch (Exception ex) when (ex is ConnectorException)
            {
                content.SetError(ex); // an answer (IXC's error under HTTP 200): surfaced by the client, never retried
            }
        }
        return response;
    }
}
