namespace Cobranca.Connectors.MikroTik.Protocol;

/// <summary>Buffered reader of RouterOS sentences (lists of words ended by a zero-length word).</summary>
internal sealed class SentenceReader
{
    private readonly Stream _stream;
    private readonly long _maxWordLength;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly WordList _words = new();
    private readonly ReplyBuilder _reply = new();
    private int _start;
    private int _end;

    public SentenceReader(Stream stream, long maxWordLength)
    {
        _stream = stream;
        _maxWordLength = maxWordLength;
    }

    /// <summary>Indexes of the words of the last sentence that were decoded as Windows-1252 (null when none).</summary>
    public List<int>? Windows1252Words => _words.Windows1252Words;

    /// <summary>Called each time the reader is about to wait for bytes from the network (everything received so far is consumed).</summary>
    public Action? BeforeNetworkRead { get; init; }

    /// <summary>
    /// Reads one sentence. Returns <see langword="null"/> on a clean end of stream between sentences and throws
    /// <see cref="EndOfStreamException"/> when the stream ends inside a sentence.
    /// </summary>
    public async ValueTask<List<string>?> ReadSentenceAsync(CancellationToken cancellationToken)
    {
        _words.Reset();
        return await ReadAsync(_words, cancellationToken).ConfigureAwait(false) ? _words.Words : null;
    }

    /// <summary>
    /// Reads one reply sentence and splits it as <see cref="Sentence.Parse"/> does (type, tag, attributes), straight from
    /// the received bytes: no intermediate string per word. Returns false on a clean end of stream between sentences.
    /// </summary>
    public async ValueTask<bool> ReadReplyAsync(CancellationToken cancellationToken)
    {
        _reply.Reset();
        return await ReadAsync(_reply, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The reply read by the last successful <see cref="ReadReplyAsync"/>.</summary>
    public ReplyBuilder Reply => _reply;

    private async ValueTask<bool> ReadAsync(WordSink sink, CancellationToken cancellationToken)
    {
        var count = 0;
        while (true)
        {
            if (_start == _end && !await FillAsync(1, cancellationToken).ConfigureAwait(false))
            {
                if (count == 0) return false;
                throw new EndOfStreamException("The connection ended in the middle of a sentence.");
            }

            var prefixSize = WordLength.PrefixSize(_buffer[_start]);
            await EnsureAsync(prefixSize, cancellationToken).ConfigureAwait(false);
            var length = WordLength.Decode(_buffer.AsSpan(_start, prefixSize));
            _start += prefixSize;
            if (length == 0) return true;
            if (length > _maxWordLength)
                throw new InvalidDataException($"RouterOS sent a {length}-byte word; the limit is {_maxWordLength} bytes.");

            var size = (int)length;
            if (size <= _buffer.Length)
            {
                await EnsureAsync(size, cancellationToken).ConfigureAwait(false);
                sink.Add(_buffer.AsSpan(_start, size));
                _start += size;
            }
            else
            {
                var big = new byte[size];
                var copied = _end - _start;
                _buffer.AsSpan(_start, copied).CopyTo(big);
                _start = _end = 0;
                BeforeNetworkRead?.Invoke();
                await _stream.ReadExactlyAsync(big.AsMemory(copied), cancellationToken).ConfigureAwait(false);
                sink.Add(big);
            }
            count++;
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
            BeforeNetworkRead?.Invoke();
            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0) return false;
            _end += read;
        }
        return true;
    }

    /// <summary>Receives the words of one sentence as they are decoded.</summary>
    internal abstract class WordSink
    {
        public abstract void Add(ReadOnlySpan<byte> word);
    }

    private sealed class WordList : WordSink
    {
        public List<string> Words { get; private set; } = [];

        public List<int>? Windows1252Words { get; private set; }

        public void Reset()
        {
            Words = [];
            Windows1252Words = null;
        }

        public override void Add(ReadOnlySpan<byte> word)
        {
            Words.Add(RouterOsText.Decode(word, out var cp1252));
            if (cp1252) (Windows1252Words ??= []).Add(Words.Count - 1);
        }
    }
}
