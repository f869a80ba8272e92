using System.Buffers;

namespace Cobranca.Connectors.Ixc.Internal;

/// <summary>
/// A reply body read into a buffer rented from <see cref="ArrayPool{T}.Shared"/>, so a listing page (≈ 0.75 MB at 500
/// rows) does not allocate a new large-object-heap array per call. Valid until disposed; nothing may keep a reference to
/// <see cref="Memory"/> after that (copy with <see cref="ToArray"/> when the bytes must outlive the call).
/// </summary>
internal sealed class IxcBody : IDisposable
{
    private const int DefaultSize = 16 * 1024;
    private const int MaxPresize = 16 * 1024 * 1024; // a Content-Length is a hint, not a promise

    private byte[]? _buffer;
    private readonly int _length;

    private IxcBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    public ReadOnlyMemory<byte> Memory => (_buffer ?? throw new ObjectDisposedException(nameof(IxcBody))).AsMemory(0, _length);

    public byte[] ToArray() => Memory.ToArray();

    /// <summary>
    /// Reads the whole content, at most <paramref name="maxBytes"/> (more throws <see cref="IxcReplyTooLargeException"/>
    /// without reading the rest). Stream failures surface as <see cref="IxcReplyException"/> (an
    /// <see cref="HttpRequestException"/> that says how much of the reply arrived).
    /// </summary>
    public static async Task<IxcBody> ReadAsync(HttpContent content, long maxBytes, string operation, int statusCode, CancellationToken cancellationToken)
    {
        var hint = content.Headers.ContentLength;
        if (hint > maxBytes) throw new IxcReplyTooLargeException(operation, maxBytes);
        var buffer = ArrayPool<byte>.Shared.Rent(hint is > 0 and < MaxPresize ? (int)hint.Value + 1 : DefaultSize);
        var length = 0;
        try
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                while (true)
                {
                    if (length > maxBytes) throw new IxcReplyTooLargeException(operation, maxBytes);
                    if (length == buffer.Length)
                    {
                        var bigger = ArrayPool<byte>.Shared.Rent(checked(buffer.Length * 2));
                        buffer.AsSpan(0, length).CopyTo(bigger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = bigger;
                    }
                    // never more than one byte past the cap: enough to know the reply is too large
                    var free = buffer.Length - length;
                    var room = maxBytes - length < free ? (int)(maxBytes - length) + 1 : free;
                    var read = await stream.ReadAsync(buffer.AsMemory(length, room), cancellationToken).ConfigureAwait(false);
                    if (read == 0) break;
                    length += read;
                }
            }
            return new IxcBody(buffer, length);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw new IxcReplyException(operation, statusCode, length, ex);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
