using System.Net;
using System.Runtime.ExceptionServices;

namespace Cobranca.Connectors.Ixc.Internal;

/// <summary>
/// A reply body already read (by <see cref="IxcReplyHandler"/>, inside the attempt) into a pooled buffer, with the parse
/// outcome when the request asked for one. Disposing the response returns the buffer.
/// </summary>
internal sealed class IxcBufferedContent : HttpContent
{
    public IxcBufferedContent(IxcBody body) => Body = body;

    public IxcBody Body { get; }

    public bool Parsed { get; private set; }

    public object? Value { get; private set; }

    public ExceptionDispatchInfo? ParseError { get; private set; }

    public void SetValue(object? value)
    {
        Parsed = true;
        Value = value;
    }

    public void SetError(Exception error)
    {
        Parsed = true;
        ParseError = ExceptionDispatchInfo.Capture(error);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        stream.WriteAsync(Body.Memory).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = Body.Memory.Length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) Body.Dispose();
        base.Dispose(disposing);
    }
}
