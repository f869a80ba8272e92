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

    /// <summary>Reads the whole content. Stream failures surface as <see cref="HttpRequestException"/>, as with <see cref="HttpContent.ReadAsByteArrayAsync(CancellationToken)"/>.</summary>
    public static async Task<IxcBody> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var hint = content.Headers.ContentLength;
        var buffer = ArrayPool<byte>.Shared.Rent(hint is > 0 and < MaxPresize ? (int)hint.Value + 1 : DefaultSize);
        var length = 0;
        try
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        var bigger = ArrayPool<byte>.Shared.Rent(checked(buffer.Length * 2));
                        buffer.AsSpan(0, length).CopyTo(bigger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = bigger;
                    }
                    var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                    if (read == 0) break;
                    length += read;
                }
            }
            return new IxcBody(buffer, length);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException && !cancellationToken.IsCancellationRequested)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw new HttpRequestException("Error while copying content to a stream.", ex);
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
