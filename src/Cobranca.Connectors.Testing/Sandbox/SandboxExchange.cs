using System.Text;
using Microsoft.AspNetCore.Http;

namespace Cobranca.Connectors.Testing.Sandbox;

/// <summary>
/// The request-log plumbing the OAuth2 provider sandboxes (<c>PixPspSandbox</c>, <c>BoletoBankSandbox</c>) share in
/// their first middleware: read the body and leave it readable for the endpoint, and record each exchange exactly once —
/// when the response starts (before the client can see it, so a test that asserts on the log right after a call never
/// races the server), when the sandbox drops the connection on purpose (status 0), or at the end.
/// </summary>
internal static class SandboxExchange
{
    /// <summary>Reads the whole request body and rewinds it.</summary>
    public static async Task<string> ReadBodyAsync(HttpContext context)
    {
        var request = context.Request;
        request.EnableBuffering();
        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8, leaveOpen: true))
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        request.Body.Position = 0;
        return body;
    }

    /// <summary>The <c>Authorization</c> scheme (<c>Basic</c>, <c>Bearer</c>), or null; never the credentials.</summary>
    public static string? AuthorizationScheme(HttpRequest request) =>
        request.Headers.Authorization.ToString().Split(' ', 2)[0] is { Length: > 0 } scheme ? scheme : null;

    /// <summary>
    /// Returns a function that calls <paramref name="record"/> with a status the first time it is called (later calls do
    /// nothing), and calls it when the response starts.
    /// </summary>
    public static Action<int> RecordOnce(HttpContext context, Action<int> record)
    {
        var done = 0;
        void Log(int status)
        {
            if (Interlocked.Exchange(ref done, 1) == 0) record(status);
        }

        context.Response.OnStarting(() =>
        {
            Log(context.Response.StatusCode);
            return Task.CompletedTask;
        });
        return Log;
    }

    /// <summary>
    /// The "written, answer lost" fault: runs the endpoint (its effects are committed) into a body that goes nowhere,
    /// records status 0 and drops the connection unanswered.
    /// </summary>
    public static async Task ProcessThenDropAsync(HttpContext context, Func<Task> next, Action<int> log)
    {
        var original = context.Response.Body;
        context.Response.Body = Stream.Null;
        try
        {
            await next().ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = original;
        }

        log(0);
        context.Abort();
    }

    /// <summary>The status to record at the end: 0 when the client went away before any answer started.</summary>
    public static int FinalStatus(HttpContext context) =>
        context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted ? 0 : context.Response.StatusCode;
}
