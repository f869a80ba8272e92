using System.Globalization;

namespace Cobranca.Connectors.Pix;

/// <summary>A parse failure, kept as a value so <see cref="BrCode.TryParse(string?, out BrCode?)"/> never throws.</summary>
internal readonly record struct BrCodeError(BrCodeErrorKind Kind, string Message, string? Tag, int? Position)
{
    public BrCodeException ToException() => new(Kind, Message, Tag, Position);
}

/// <summary>
/// Strict structural parse (TLV, CRC, required fields), lenient on the limits real-world codes break (reported as
/// <see cref="BrCodeWarning"/>). Never throws: every failure is a <see cref="BrCodeError"/>.
/// </summary>
internal static class BrCodeParser
{
    public const int MaxPayloadLength = 512;
    public const string PixGui = "br.gov.bcb.pix";
    public const int MaxUrlLength = 77;
    public const int MaxStaticTxIdLength = 25;
    public const int MaxTxIdLength = 35;
    public const int MaxMerchantNameLength = 25;
    public const int MaxMerchantCityLength = 15;
    public const int MaxAmountLength = 13;

    private const int IdCount = 100;

    public static BrCode? Parse(string? text, out BrCodeError error)
    {
        error = default;
        if (string.IsNullOrWhiteSpace(text)) return Fail(out error, BrCodeErrorKind.Empty, "The BR Code is empty.");
        var s = text.Trim();
        if (s.Length > MaxPayloadLength)
        {
            return Fail(out error, BrCodeErrorKind.TooLong, $"The BR Code has {s.Length} characters; the limit is {MaxPayloadLength}.");
        }

        var warnings = new List<BrCodeWarning>();
        var invisible = -1;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c < ' ' || c is >= '\u007F' and <= '\u009F' || char.IsSurrogate(c))
            {
                return Fail(out error, BrCodeErrorKind.InvalidCharacter,
                    $"Character {i} (U+{(int)c:X4}) is a control character or a surrogate.", null, i);
            }
            if (c > '~' && !warnings.Contains(BrCodeWarning.NonAsciiCharacters)) warnings.Add(BrCodeWarning.NonAsciiCharacters);
            if (invisible < 0 && c > '~' && IsInvisible(c)) invisible = i;
        }

        Span<int> starts = stackalloc int[IdCount];
        Span<int> lengths = stackalloc int[IdCount];
        if (!Walk(s, 0, s.Length, null, starts, lengths, out var first, out var last, out error)) return null;
        if (invisible >= 0)
        {
            // Bidirectional overrides and zero-width characters make a name display as something else (a reversed or
            // hidden part): refused wherever they are, naming the field.
            var tag = TagAt(starts, lengths, invisible);
            return Fail(out error, BrCodeErrorKind.InvalidCharacter,
                $"Character {invisible} (U+{(int)s[invisible]:X4}) in data object {tag}{FieldName(tag)} is an invisible or bidirectional formatting character, which can disguise what the payer sees.",
                tag, invisible);
        }

        if (first != 0)
        {
            return starts[0] < 0
                ? Fail(out error, BrCodeErrorKind.MissingField, "The Payload Format Indicator (00) is missing.", "00", 0)
                : Fail(out error, BrCodeErrorKind.BadOrder, "The Payload Format Indicator (00) must be the first data object.", "00", starts[0] - 4);
        }
        if (!Value(s, starts, lengths, 0).SequenceEqual("01"))
        {
            return Fail(out error, BrCodeErrorKind.InvalidFieldValue, "The Payload Format Indicator (00) must be 01.", "00", starts[0]);
        }

        if (starts[63] < 0) return Fail(out error, BrCodeErrorKind.MissingField, "The CRC (63) is missing.", "63");
        if (last != 63) return Fail(out error, BrCodeErrorKind.BadOrder, "The CRC (63) must be the last data object.", "63", starts[63] - 4);
        var crcText = Value(s, starts, lengths, 63);
        if (crcText.Length != 4 || crcText.ContainsAnyExcept(Hex))
        {
            return Fail(out error, BrCodeErrorKind.MalformedCrc, "The CRC (63) must be four hexadecimal digits.", "63", starts[63]);
        }
        var computed = BrCodeCrc.Compute(s.AsSpan(0, s.Length - 4));
        var found = ushort.Parse(crcText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        if (computed != found)
        {
            return Fail(out error, BrCodeErrorKind.CrcMismatch,
                $"The CRC does not match: the payload gives {BrCodeCrc.ToHex(computed)}, the code says {crcText}.", "63", starts[63]);
        }
        // The value is what counts; generators write upper case (and so does the builder).
        if (crcText.ContainsAnyExcept(UpperHex)) warnings.Add(BrCodeWarning.LowerCaseCrc);

        return ParseFields(s, starts, lengths, warnings, out error);
    }

    private static BrCode? ParseFields(string s, ReadOnlySpan<int> starts, ReadOnlySpan<int> lengths, List<BrCodeWarning> warnings, out BrCodeError error)
    {
        error = default;
        string? pointOfInitiation = null;
        if (starts[1] >= 0)
        {
            pointOfInitiation = Value(s, starts, lengths, 1).ToString();
            if (pointOfInitiation is not ("11" or "12"))
            {
                return Fail(out error, BrCodeErrorKind.InvalidFieldValue, "The Point of Initiation Method (01) must be 11 or 12.", "01", starts[1]);
            }
        }

        if (!Required(s, starts, lengths, 52, out var mcc, out error)) return null;
        if (mcc.Length != 4 || !mcc.All(char.IsAsciiDigit))
        {
            return Fail(out error, BrCodeErrorKind.InvalidFieldValue, "The Merchant Category Code (52) must be four digits.", "52", starts[52]);
        }
        if (!Required(s, starts, lengths, 53, out var currency, out error)) return null;
        if (currency != "986") return Fail(out error, BrCodeErrorKind.InvalidFieldValue, "The currency (53) must be 986 (BRL).", "53", starts[53]);

        decimal? amount = null;
        if (starts[54] >= 0)
        {
            if (!TryParseAmount(Value(s, starts, lengths, 54), out var value))
            {
                return Fail(out error, BrCodeErrorKind.InvalidAmount,
                    "The amount (54) must be a positive decimal with a dot, at most two decimals and 13 characters.", "54", starts[54]);
            }
            amount = value;
        }

        if (!Required(s, starts, lengths, 58, out var country, out error)) return null;
        if (country != "BR") return Fail(out error, BrCodeErrorKind.InvalidFieldValue, "The country code (58) must be BR.", "58", starts[58]);
        if (!Required(s, starts, lengths, 59, out var merchantName, out error)) return null;
        if (merchantName.Length > MaxMerchantNameLength) warnings.Add(BrCodeWarning.MerchantNameTooLong);
        if (!Required(s, starts, lengths, 60, out var merchantCity, out error)) return null;
        if (merchantCity.Length > MaxMerchantCityLength) warnings.Add(BrCodeWarning.MerchantCityTooLong);
        var postalCode = starts[61] >= 0 ? Value(s, starts, lengths, 61).ToString() : null;

        Span<int> innerStarts = stackalloc int[IdCount];
        Span<int> innerLengths = stackalloc int[IdCount];
        var account = default(PixAccount);
        var accountTag = -1;
        for (var id = 26; id <= 51; id++)
        {
            if (starts[id] < 0) continue;
            if (!Walk(s, starts[id], starts[id] + lengths[id], Tag(id), innerStarts, innerLengths, out _, out _, out error)) return null;
            if (!IsPixGui(s, innerStarts, innerLengths)) continue;
            if (accountTag >= 0)
            {
                return Fail(out error, BrCodeErrorKind.ConflictingFields, "More than one merchant account template carries the Pix GUI.", Tag(id), starts[id]);
            }
            accountTag = id;
            if (!ReadAccount(s, id, innerStarts, innerLengths, warnings, HasTemplate(starts, 80, 99), out account, out error)) return null;
        }
        if (accountTag < 0)
        {
            for (var id = 26; id <= 51; id++)
            {
                if (starts[id] >= 0)
                {
                    return Fail(out error, BrCodeErrorKind.InvalidGui, $"No merchant account template carries the Pix GUI {PixGui}.", Tag(id) + ".00", starts[id]);
                }
            }
            return Fail(out error, BrCodeErrorKind.MissingField, "The Pix merchant account template (26) is missing.", "26");
        }

        string? txId = null;
        if (starts[62] >= 0)
        {
            if (!Walk(s, starts[62], starts[62] + lengths[62], "62", innerStarts, innerLengths, out _, out _, out error)) return null;
            if (innerStarts[5] >= 0)
            {
                var label = Value(s, innerStarts, innerLengths, 5);
                if (!label.SequenceEqual("***"))
                {
                    if (label.Length > MaxTxIdLength)
                    {
                        return Fail(out error, BrCodeErrorKind.InvalidTxId,
                            $"The txid (62.05) must be *** or 1 to {MaxTxIdLength} characters.", "62.05", innerStarts[5]);
                    }
                    // EMV gives 62-05 the "ans" format; the Pix letters-and-digits rule binds generators, and banks
                    // issue dynamic codes with hyphens in it (the payer ignores 62-05 there). Accepted, with a warning.
                    if (label.ContainsAnyExcept(AlphaNumeric)) warnings.Add(BrCodeWarning.TxIdNotAlphanumeric);
                    if (account.Url is null && label.Length > MaxStaticTxIdLength) warnings.Add(BrCodeWarning.TxIdTooLongForStaticCode);
                    txId = label.ToString();
                }
            }
            else
            {
                warnings.Add(BrCodeWarning.MissingReferenceLabel);
            }
        }
        else
        {
            warnings.Add(BrCodeWarning.MissingReferenceLabel);
        }

        if (starts[64] >= 0 && !Walk(s, starts[64], starts[64] + lengths[64], "64", innerStarts, innerLengths, out _, out _, out error)) return null;

        string? recurrenceUrl = null;
        for (var id = 80; id <= 99; id++)
        {
            if (starts[id] < 0) continue;
            if (!Walk(s, starts[id], starts[id] + lengths[id], Tag(id), innerStarts, innerLengths, out _, out _, out error)) return null;
            if (recurrenceUrl is null && IsPixGui(s, innerStarts, innerLengths) && innerStarts[25] >= 0)
            {
                var location = Value(s, innerStarts, innerLengths, 25);
                if (!BrCodeUrl.IsValid(location, out var problem))
                {
                    return Fail(out error, BrCodeErrorKind.InvalidUrl,
                        $"The recurrence URL ({Tag(id)}.25) must be host/path in printable ASCII without scheme: {problem}.", Tag(id) + ".25", innerStarts[25]);
                }
                recurrenceUrl = location.ToString();
            }
        }

        if (account.Key is null && account.Url is null && recurrenceUrl is null)
        {
            return Fail(out error, BrCodeErrorKind.MissingField,
                "The Pix template carries only the GUI, which is allowed only with a Pix Automático template (80-99) holding a recurrence URL (25).", Tag(accountTag) + ".25");
        }

        return new BrCode(s, pointOfInitiation, account.Key, account.KeyType, account.AdditionalInfo, account.Url, mcc, amount,
            merchantName, merchantCity, postalCode, txId, recurrenceUrl, s[^4..].ToUpperInvariant(), warnings);
    }

    private static bool HasTemplate(ReadOnlySpan<int> starts, int from, int to)
    {
        for (var id = from; id <= to; id++)
        {
            if (starts[id] >= 0) return true;
        }
        return false;
    }

    private static bool ReadAccount(string s, int id, ReadOnlySpan<int> starts, ReadOnlySpan<int> lengths, List<BrCodeWarning> warnings,
        bool recurrenceTemplatePresent, out PixAccount account, out BrCodeError error)
    {
        account = default;
        error = default;
        var tag = Tag(id);
        var hasKey = starts[1] >= 0;
        var hasUrl = starts[25] >= 0;
        if (hasKey && hasUrl)
        {
            Fail(out error, BrCodeErrorKind.ConflictingFields, "The Pix template has both a key (01) and a URL (25).", tag, starts[25]);
            return false;
        }
        if (!hasKey && !hasUrl && recurrenceTemplatePresent)
        {
            // Pix Automático journey 2: the Pix template carries only the GUI; the recurrence URL (80-99) is checked later.
            account = new PixAccount(null, null, starts[2] >= 0 ? Value(s, starts, lengths, 2).ToString() : null, null);
            return true;
        }
        if (!hasKey && !hasUrl)
        {
            Fail(out error, BrCodeErrorKind.MissingField, "The Pix template has neither a key (01) nor a URL (25).", tag + ".01", starts[0]);
            return false;
        }
        var info = starts[2] >= 0 ? Value(s, starts, lengths, 2).ToString() : null;
        if (hasKey)
        {
            var key = Value(s, starts, lengths, 1).ToString();
            if (!PixKeyRules.TryClassify(key, out var type, out var canonical))
            {
                Fail(out error, BrCodeErrorKind.InvalidPixKey,
                    "The Pix key (01) is not a CPF, CNPJ, +55 phone, e-mail or EVP in the DICT format.", tag + ".01", starts[1]);
                return false;
            }
            if (!canonical) warnings.Add(BrCodeWarning.NonCanonicalPixKey);
            account = new PixAccount(key, type, info, null);
            return true;
        }
        var url = Value(s, starts, lengths, 25);
        if (!BrCodeUrl.IsValid(url, out var problem))
        {
            Fail(out error, BrCodeErrorKind.InvalidUrl,
                $"The payload URL ({tag}.25) must be host/path in printable ASCII without scheme (no https://): {problem}.", tag + ".25", starts[25]);
            return false;
        }
        account = new PixAccount(null, null, info, url.ToString());
        return true;
    }

    /// <summary>Reads the TLV list in s[from..to) into starts/lengths (indexed by ID; -1 when absent).</summary>
    private static bool Walk(string s, int from, int to, string? parent, Span<int> starts, Span<int> lengths,
        out int first, out int last, out BrCodeError error)
    {
        starts.Fill(-1);
        lengths.Clear();
        first = last = -1;
        error = default;
        var where = parent is null ? "the payload" : $"template {parent}";
        var pos = from;
        while (pos < to)
        {
            if (to - pos < 2 || !char.IsAsciiDigit(s[pos]) || !char.IsAsciiDigit(s[pos + 1]))
            {
                Fail(out error, BrCodeErrorKind.BadTag, $"Expected a two-digit data object ID at character {pos} of {where}.", parent, pos);
                return false;
            }
            var id = ((s[pos] - '0') * 10) + (s[pos + 1] - '0');
            var tag = parent is null ? Tag(id) : $"{parent}.{Tag(id)}";
            if (to - pos < 4 || !char.IsAsciiDigit(s[pos + 2]) || !char.IsAsciiDigit(s[pos + 3]))
            {
                Fail(out error, BrCodeErrorKind.BadLength, $"Expected a two-digit length for data object {tag}.", tag, pos + 2);
                return false;
            }
            var length = ((s[pos + 2] - '0') * 10) + (s[pos + 3] - '0');
            if (length == 0)
            {
                Fail(out error, BrCodeErrorKind.BadLength, $"Data object {tag} has length 00.", tag, pos + 2);
                return false;
            }
            if (pos + 4 + length > to)
            {
                Fail(out error, BrCodeErrorKind.BadLength, $"Data object {tag} (length {length}) runs past the end of {where}.", tag, pos + 2);
                return false;
            }
            if (starts[id] >= 0)
            {
                Fail(out error, BrCodeErrorKind.DuplicateTag, $"Data object {tag} appears twice in {where}.", tag, pos);
                return false;
            }
            starts[id] = pos + 4;
            lengths[id] = length;
            if (first < 0) first = id;
            last = id;
            pos += 4 + length;
        }
        return true;
    }

    private static bool Required(string s, ReadOnlySpan<int> starts, ReadOnlySpan<int> lengths, int id, out string value, out BrCodeError error)
    {
        error = default;
        if (starts[id] < 0)
        {
            value = string.Empty;
            Fail(out error, BrCodeErrorKind.MissingField, $"The required data object {Tag(id)} is missing.", Tag(id));
            return false;
        }
        value = Value(s, starts, lengths, id).ToString();
        return true;
    }

    private static bool TryParseAmount(ReadOnlySpan<char> text, out decimal amount)
    {
        amount = 0;
        if (text.Length is 0 or > MaxAmountLength) return false;
        var dot = text.IndexOf('.');
        var integer = dot < 0 ? text : text[..dot];
        var fraction = dot < 0 ? ReadOnlySpan<char>.Empty : text[(dot + 1)..];
        if (integer.Length == 0 || integer.ContainsAnyExcept(Digits)) return false;
        if (dot >= 0 && (fraction.Length is 0 or > 2 || fraction.ContainsAnyExcept(Digits))) return false;
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount) && amount > 0;
    }

    private static bool IsPixGui(string s, ReadOnlySpan<int> starts, ReadOnlySpan<int> lengths) =>
        starts[0] >= 0 && Value(s, starts, lengths, 0).Equals(PixGui, StringComparison.OrdinalIgnoreCase);

    private static ReadOnlySpan<char> Value(string s, ReadOnlySpan<int> starts, ReadOnlySpan<int> lengths, int id) =>
        s.AsSpan(starts[id], lengths[id]);

    /// <summary>Format characters (bidirectional controls, zero-width, BOM) and line/paragraph separators.</summary>
    private static bool IsInvisible(char c) => char.GetUnicodeCategory(c) is UnicodeCategory.Format
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    /// <summary>The top-level data object whose value holds character <paramref name="index"/>.</summary>
    private static string TagAt(ReadOnlySpan<int> starts, ReadOnlySpan<int> lengths, int index)
    {
        for (var id = 0; id < IdCount; id++)
        {
            if (starts[id] >= 0 && index >= starts[id] && index < starts[id] + lengths[id]) return Tag(id);
        }
        return "?";
    }

    private static string FieldName(string tag) => tag switch
    {
        "59" => " (merchant name)",
        "60" => " (merchant city)",
        "62" => " (additional data)",
        "64" => " (alternate language template)",
        _ => string.Empty,
    };

    private static string Tag(int id) => id.ToString("00", CultureInfo.InvariantCulture);

    private static BrCode? Fail(out BrCodeError error, BrCodeErrorKind kind, string message, string? tag = null, int? position = null)
    {
        error = new BrCodeError(kind, message, tag, position);
        return null;
    }

    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789");
    private static readonly System.Buffers.SearchValues<char> UpperHex = System.Buffers.SearchValues.Create("0123456789ABCDEF");
    private static readonly System.Buffers.SearchValues<char> Hex = System.Buffers.SearchValues.Create("0123456789ABCDEFabcdef");
    private static readonly System.Buffers.SearchValues<char> AlphaNumeric =
        System.Buffers.SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private readonly record struct PixAccount(string? Key, BrCodeKeyType? KeyType, string? AdditionalInfo, string? Url);
}
