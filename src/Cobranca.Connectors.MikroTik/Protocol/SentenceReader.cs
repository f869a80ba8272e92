namespace Cobranca.Connectors.MikroTik.Protocol;

/// <summary>Buffered reader of RouterOS sentences (lists of words ended by a zero-length word).</summary>
internal sealed class SentenceReader
{
    private readonly Stream _stream;
    private readonly long _maxWordLength;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    public SentenceReader(Stream stream, long maxWordLength)
    {
        _stream = stream;
        _maxWordLength = maxWordLength;
    }

    /// <summary>Indexes of the words of the last sentence that were decoded as Windows-1252 (null when none).</summary>
    public List<int>? Windows1252Words { get; private set; }

    /// <summary>
    /// Reads one sentence. Returns <see langword="null"/> on a clean end of stream between sentences and throws
    /// <see cref="EndOfStreamException"/> when the stream ends inside a sentence.
    /// </summary>
    public async ValueTask<List<string>?> ReadSentenceAsync(CancellationToken cancellationToken)
    {
        var words = new List<string>();
        Windows1252Words = null;
        while (true)
        {
            if (_start == _end && !await FillAsync(1, cancellationToken).ConfigureAwait(false))
            {
                if (words.Count == 0) return null;
                throw new EndOfStreamException("The connection ended in the middle of a sentence.");
            }

            var prefixSize = WordLength.PrefixSize(_buffer[_start]);
            await EnsureAsync(prefixSize, cancellationToken).ConfigureAwait(false);
            var length = WordLength.Decode(_buffer.AsSpan(_start, prefixSize));
            _start += prefixSize;
            if (length == 0) return words;
            if (length > _maxWordLength)
                throw new InvalidDataException($"RouterOS sent a {length}-byte word; the limit is {_maxWordLength} bytes.");

            var size = (int)length;
            if (size <= _buffer.Length)
            {
                await EnsureAsync(size, cancellationToken).ConfigureAwait(false);
                words.Add(RouterOsText.Decode(_buffer.AsSpan(_start, size), out var cp1252));
                if (cp1252) (Windows1252Words ??= []).Add(words.Count - 1);
                _start += size;
            }
            else
            {
                var big = new byte[size];
                var copied = _end - _start;
                _buffer.AsSpan(_start, copied).CopyTo(big);
                _start = _end = 0;
                await _stream.ReadExactlyAsync(big.AsMemory(copied), cancellationToken).ConfigureAwait(false);
                words.Add(RouterOsText.Decode(big, out var cp1252));
                if (cp1252) (Windows1252Words ??= []).Add(words.Count - 1);
            }
        }
    }

    private async ValueTask EnsureAsync(int count, CancellationToken cancellationToken)
    {
        if (_end - _start >= count) return;
        if (!await FillAsync(count, cancellationToken).ConfigureAwait(false))
            throw new EndOfStreamException("The connection ended in the middle of a sentence.");
    }

    private async ValueTask<bool> FillAsync(int count, CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
        while (_end < count)
        {
            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0) return false;
            _end += read;
        }
        return true;
    }
}
