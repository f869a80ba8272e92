using System.Buffers.Text;
using System.Text.Unicode;

namespace Cobranca.Connectors.MikroTik.Protocol;

/// <summary>
/// Splits a reply sentence into its type, tag and <c>=name=value</c> attributes while its words are read, with the rules
/// of <see cref="Sentence.Parse"/>: each word is decoded as UTF-8 when the whole word is valid UTF-8, else as
/// Windows-1252 (and such values are marked on the row). Reused by one reader; the row is new for every sentence.
/// </summary>
internal sealed class ReplyBuilder : SentenceReader.WordSink
{
    private int _index;

    /// <summary>The reply word (<c>!re</c>, <c>!done</c>, ...); null for an empty sentence.</summary>
    public string? Type { get; private set; }

    /// <summary>True when the sentence carried a <c>.tag=</c>.</summary>
    public bool HasTag { get; private set; }

    /// <summary>The numeric value of the tag; null when there is none or it is not a number the client could have sent.</summary>
    public long? Tag { get; private set; }

    private static readonly RouterOsRow NoAttributes = new(0);
    private RouterOsRow? _attributes;

    /// <summary>The <c>=name=value</c> attributes (a shared empty row when the sentence has none; never mutated).</summary>
    public RouterOsRow Attributes => _attributes ?? NoAttributes;

    private RouterOsRow Row => _attributes ??= new RouterOsRow(4);

    public void Reset()
    {
        _index = 0;
        Type = null;
        HasTag = false;
        Tag = null;
        _attributes = null;
    }

    public override void Add(ReadOnlySpan<byte> word)
    {
        var i = _index++;
        if (i == 0)
        {
            Type = KnownType(word) ?? RouterOsText.Decode(word);
            return;
        }
        if (word.StartsWith(".tag="u8))
        {
            var digits = word[5..];
            HasTag = true;
            Tag = digits.Length > 0 && digits[0] is >= (byte)'0' and <= (byte)'9' && Utf8Parser.TryParse(digits, out long tag, out var used) &&
                  used == digits.Length ? tag : null;
            return;
        }
        if (word.Length > 1 && word[0] == (byte)'=')
        {
            var windows1252 = !Utf8.IsValid(word);
            var rest = word[1..];
            var eq = rest.IndexOf((byte)'=');
            if (eq < 0)
            {
                Row[RouterOsText.Decode(rest, windows1252)] = string.Empty;
                return;
            }
            var key = RouterOsText.Decode(rest[..eq], windows1252);
            Row[key] = RouterOsText.Decode(rest[(eq + 1)..], windows1252);
            if (windows1252) Row.MarkWindows1252(key);
            return;
        }
        if (i == 1 && Type == "!fatal") Row["message"] = RouterOsText.Decode(word);
    }

    private static string? KnownType(ReadOnlySpan<byte> word) =>
        word.SequenceEqual("!re"u8) ? "!re"
        : word.SequenceEqual("!done"u8) ? "!done"
        : word.SequenceEqual("!trap"u8) ? "!trap"
        : word.SequenceEqual("!empty"u8) ? "!empty"
        : word.SequenceEqual("!fatal"u8) ? "!fatal"
        : null;
}
