using System.Net;

namespace Cobranca.Connectors.Http.Tests;

/// <summary>Answers from a queue of responders and records what was sent.</summary>
internal sealed class StubHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, HttpResponseMessage>> _responses = new();

    public List<HttpRequestMessage> Requests { get; } = [];

    public StubHandler Then(HttpStatusCode status, Action<HttpResponseMessage>? configure = null)
    {
        _responses.Enqueue(_ =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent("{}") };
            configure?.Invoke(response);
            return response;
        });
        return this;
    }

    public StubHandler ThenThrow(Exception exception)
    {
        _responses.Enqueue(_ => throw exception);
        return this;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Requests.Add(request);
        var next = _responses.Count > 0 ? _responses.Dequeue() : (_ => new HttpResponseMessage(HttpStatusCode.OK));
        return Task.FromResult(next(request));
    }
}
