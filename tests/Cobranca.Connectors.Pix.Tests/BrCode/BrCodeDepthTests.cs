using static Cobranca.Connectors.Pix.Tests.BrCodeVectors;

namespace Cobranca.Connectors.Pix.Tests;

/// <summary>
/// Edges of the BR Code parser, writer, key rules, CRC, location and text rules that the mutation run showed as untested
/// (issue 17): exact limits on both sides, exact warnings, the writer's normalisations.
/// </summary>
public class BrCodeDepthTests
{
    private const string EvpKey = "123e4567-e12b-12d1-a456-426655440000";
    private const string PixAccount = "0014br.gov.bcb.pix0136" + EvpKey;

    private static string Body(string account = PixAccount, string name = "Fulano de Tal", string city = "BRASILIA", string tail = "62070503***",
        string extra = "", string poi = "") =>
        "000201" + poi + Tlv("26", account) + "52040000" + "5303986" + "5802BR" + Tlv("59", name) + Tlv("60", city) + tail + extra;

    private static BrCodeException ParseError(string payload) => Assert.Throws<BrCodeException>(() => BrCode.Parse(payload));

    private static BrCodeException BuildError(BrCodeRequest request) => Assert.Throws<BrCodeException>(() => BrCode.Build(request));

    private static BrCodeStaticRequest Static(string key = EvpKey, string? info = null, string? cep = null, decimal? amount = null,
        string? txId = null, string mcc = "0000", string name = "Fulano de Tal", string city = "BRASILIA") => new()
    {
        PixKey = key, AdditionalInfo = info, PostalCode = cep, Amount = amount, TxId = txId, MerchantCategoryCode = mcc,
        MerchantName = name, MerchantCity = city,
    };

    // ---- parser: size and characters

    [Fact]
    public void A_payload_of_exactly_512_characters_is_accepted()
    {
        var body = Body();
        var padding = 512 - (body.Length + 8);
        var extra = "";
        for (var id = 65; padding > 0; id++)
        {
            var take = Math.Min(99, padding - 4);
            extra += Tlv(id.ToString(System.Globalization.CultureInfo.InvariantCulture), new string('x', take));
            padding -= take + 4;
        }
        var payload = WithCrc(Body(extra: extra));
        Assert.Equal(512, payload.Length);
        Assert.Equal(payload, BrCode.Parse(payload).Payload);
        Assert.Equal("The BR Code has 513 characters; the limit is 512.", ParseError(payload + "x").Message);
    }

    [Fact]
    public void Printable_ascii_edges_and_the_c1_range()
    {
        Assert.Empty(BrCode.Parse(WithCrc(Body(name: "Fulano ~ Tal"))).Warnings);
        Assert.Equal(" Fulano", BrCode.Parse(WithCrc(Body(name: " Fulano"))).MerchantName);
        foreach (var c in new[] { '\u001F', '\u007F', '\u0080', '\u009F' })
        {
            var payload = WithCrc(Body(name: "Fulano" + c));
            var ex = ParseError(payload);
            Assert.Equal((BrCodeErrorKind.InvalidCharacter, payload.IndexOf(c, StringComparison.Ordinal), (string?)null), (ex.Kind, ex.Position, ex.Tag));
            Assert.Equal($"Character {ex.Position} (U+{(int)c:X4}) is a control character or a surrogate.", ex.Message);
        }
        var nbsp = BrCode.Parse(WithCrc(Body(name: "Fulano\u00A0de Tal ÇÃO")));
        Assert.Equal([BrCodeWarning.NonAsciiCharacters], nbsp.Warnings); // reported once, however many
    }

    [Fact]
    public void The_first_invisible_character_is_reported_with_its_field()
    {
        var payload = WithCrc(Body(name: "\u200BFulano\u202E"));
        var ex = ParseError(payload);
        var at = payload.IndexOf('\u200B', StringComparison.Ordinal);
        Assert.Equal((BrCodeErrorKind.InvalidCharacter, "59", at), (ex.Kind, ex.Tag, ex.Position));
        Assert.Equal($"Character {at} (U+200B) in data object 59 (merchant name) is an invisible or bidirectional formatting character, which can disguise what the payer sees.",
            ex.Message);

        var last = WithCrc(Body(name: "Fulano\u202E"));
        Assert.Equal("59", ParseError(last).Tag);

        var inTxId = WithCrc(Body(tail: Tlv("62", Tlv("05", "AB\u200BC"))));
        Assert.Contains("in data object 62 (additional data) is", ParseError(inTxId).Message, StringComparison.Ordinal);
        var inLanguage = WithCrc(Body(extra: Tlv("64", "0002PT" + Tlv("01", "Ful\u202Eano"))));
        Assert.Contains("in data object 64 (alternate language template) is", ParseError(inLanguage).Message, StringComparison.Ordinal);
        var inKeyTemplate = WithCrc(Body(account: "0014br.gov.bcb.pix0205a\u200Bbc" + "0136" + EvpKey));
        var keyError = ParseError(inKeyTemplate);
        Assert.Equal("26", keyError.Tag);
        Assert.Contains("in data object 26 is an invisible", keyError.Message, StringComparison.Ordinal);
    }

    // ---- parser: TLV walk

    [Fact]
    public void Truncated_headers_and_lengths_are_told_apart()
    {
        var idOnly = ParseError("00020126");
        Assert.Equal((BrCodeErrorKind.BadLength, "26", 8, "Expected a two-digit length for data object 26."),
            (idOnly.Kind, idOnly.Tag, idOnly.Position, idOnly.Message));
        var fourLeft = ParseError("0002012601");
        Assert.Equal((BrCodeErrorKind.BadLength, "26", 8, "Data object 26 (length 1) runs past the end of the payload."),
            (fourLeft.Kind, fourLeft.Tag, fourLeft.Position, fourLeft.Message));
        var oneDigitLength = ParseError("000201260");
        Assert.Equal((BrCodeErrorKind.BadLength, 8), (oneDigitLength.Kind, oneDigitLength.Position));
        var badSecondDigit = ParseError("0002012A04abcd");
        Assert.Equal((BrCodeErrorKind.BadTag, 6), (badSecondDigit.Kind, badSecondDigit.Position));
        var badLengthSecondDigit = ParseError("0002012604abcd".Remove(9, 1).Insert(9, "x"));
        Assert.Equal((BrCodeErrorKind.BadLength, "26", 8), (badLengthSecondDigit.Kind, badLengthSecondDigit.Tag, badLengthSecondDigit.Position));
        var duplicateInTemplate = ParseError(WithCrc(Body(account: PixAccount + "0136" + EvpKey)));
        Assert.Equal((BrCodeErrorKind.DuplicateTag, "26.01", "Data object 26.01 appears twice in template 26."),
            (duplicateInTemplate.Kind, duplicateInTemplate.Tag, duplicateInTemplate.Message));
    }

    [Fact]
    public void The_crc_is_checked_on_exactly_four_characters()
    {
        var five = ParseError(Body() + "6305ABCDE");
        Assert.Equal(BrCodeErrorKind.MalformedCrc, five.Kind);
        var mixed = Valid("P1")[..^4] + "1d3D";
        Assert.Equal([BrCodeWarning.LowerCaseCrc], BrCode.Parse(mixed).Warnings);
        Assert.Equal("1D3D", BrCode.Parse(mixed).Crc);
    }

    // ---- parser: fields

    [Fact]
    public void Point_of_initiation_11_is_a_reusable_code()
    {
        var code = BrCode.Parse(WithCrc(Body(poi: "010211")));
        Assert.Equal(("11", false, false), (code.PointOfInitiationMethod, code.IsSingleUse, code.IsDynamic));
        Assert.True(BrCode.Parse(Valid("P2")).IsSingleUse);
    }

    [Fact]
    public void Mcc_other_than_0000_and_lengths_around_four()
    {
        Assert.Equal("5411", BrCode.Parse(WithCrc(Body().Replace("52040000", "52045411", StringComparison.Ordinal))).MerchantCategoryCode);
        foreach (var mcc in new[] { "5203123", "520512345", "520412a4" })
        {
            var ex = ParseError(WithCrc(Body().Replace("52040000", mcc, StringComparison.Ordinal)));
            Assert.Equal((BrCodeErrorKind.InvalidFieldValue, "52", "The Merchant Category Code (52) must be four digits."), (ex.Kind, ex.Tag, ex.Message));
        }
    }

    [Theory]
    [InlineData("1234567890.12", "1234567890.12")]
    [InlineData("00.10", "0.10")]
    [InlineData("7", "7")]
    [InlineData("0.5", "0.5")]
    public void Amount_edges_are_read(string amount, string expected)
    {
        var payload = WithCrc(Body().Replace("5802BR", Tlv("54", amount) + "5802BR", StringComparison.Ordinal));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), BrCode.Parse(payload).Amount);
    }

    [Theory]
    [InlineData(".5")]
    [InlineData("1.-5")]
    [InlineData("1,5")]
    [InlineData("1.5a")]
    [InlineData("a1.5")]
    [InlineData("0.001")]
    [InlineData("123456789012.5")]
    [InlineData("12345678901234")]
    public void Amounts_outside_the_format_are_refused(string amount)
    {
        var payload = WithCrc(Body().Replace("5802BR", Tlv("54", amount) + "5802BR", StringComparison.Ordinal));
        var ex = ParseError(payload);
        Assert.Equal((BrCodeErrorKind.InvalidAmount, "54"), (ex.Kind, ex.Tag));
    }

    [Fact]
    public void Name_and_city_at_their_limits_give_no_warning()
    {
        var code = BrCode.Parse(WithCrc(Body(name: new string('N', 25), city: new string('C', 15))));
        Assert.Empty(code.Warnings);
        var longer = BrCode.Parse(WithCrc(Body(name: new string('N', 26), city: new string('C', 16))));
        Assert.Equal([BrCodeWarning.MerchantNameTooLong, BrCodeWarning.MerchantCityTooLong], longer.Warnings);
    }

    [Fact]
    public void A_template_without_a_gui_or_with_another_one_is_not_the_pix_account()
    {
        var noGui = ParseError(WithCrc(Body(account: "0105hello")));
        Assert.Equal((BrCodeErrorKind.InvalidGui, "26.00", 10), (noGui.Kind, noGui.Tag, noGui.Position));

        var other = "000201" + Tlv("27", "0009com.other01041234") + "52040000" + "5303986" + "5802BR" + "5913Fulano de Tal" + "6008BRASILIA" + "62070503***";
        var ex = ParseError(WithCrc(other));
        Assert.Equal((BrCodeErrorKind.InvalidGui, "27.00", 10, "No merchant account template carries the Pix GUI br.gov.bcb.pix."),
            (ex.Kind, ex.Tag, ex.Position, ex.Message));
    }

    [Fact]
    public void Txid_length_edges_for_static_and_dynamic_codes()
    {
        Assert.Empty(BrCode.Parse(WithCrc(Body(tail: Tlv("62", Tlv("05", new string('A', 25)))))).Warnings);
        Assert.Equal([BrCodeWarning.TxIdTooLongForStaticCode], BrCode.Parse(WithCrc(Body(tail: Tlv("62", Tlv("05", new string('A', 26)))))).Warnings);
        Assert.Equal(new string('A', 35), BrCode.Parse(WithCrc(Body(tail: Tlv("62", Tlv("05", new string('A', 35)))))).TxId);

        var dynamicAccount = "0014br.gov.bcb.pix2548pix.example.com/8b3da2f39a4140d1a91abd93113bd441";
        var dynamicCode = BrCode.Parse(WithCrc(Body(account: dynamicAccount, poi: "010212", tail: Tlv("62", Tlv("05", new string('B', 35))))));
        Assert.Equal((new string('B', 35), 0), (dynamicCode.TxId, dynamicCode.Warnings.Count));
        Assert.Null(BrCode.Parse(WithCrc(Body(tail: "62070503***"))).TxId);
    }

    [Fact]
    public void Additional_data_without_a_reference_label_warns()
    {
        var code = BrCode.Parse(WithCrc(Body(tail: Tlv("62", Tlv("07", "LOJA01")))));
        Assert.Equal([BrCodeWarning.MissingReferenceLabel], code.Warnings);
        Assert.Null(code.TxId);
    }

    [Fact]
    public void Only_the_first_pix_recurrence_location_is_read_and_each_template_is_walked()
    {
        var first = Tlv("80", "0014br.gov.bcb.pix" + Tlv("25", "pix.example.com/rec/1"));
        var second = Tlv("81", "0014BR.GOV.BCB.PIX" + Tlv("25", "pix.example.com/rec/2"));
        Assert.Equal("pix.example.com/rec/1", BrCode.Parse(WithCrc(Body(extra: first + second))).RecurrenceUrl);
        Assert.Equal("pix.example.com/rec/2", BrCode.Parse(WithCrc(Body(extra: second))).RecurrenceUrl);
        Assert.Null(BrCode.Parse(WithCrc(Body(extra: Tlv("80", "0014br.gov.bcb.pix0105hello")))).RecurrenceUrl);

        var bad = ParseError(WithCrc(Body(extra: Tlv("85", "0014br.gov.bcb.pix" + Tlv("25", "pix.example.com")))));
        Assert.Equal((BrCodeErrorKind.InvalidUrl, "85.25"), (bad.Kind, bad.Tag));
        Assert.Equal("The recurrence URL (85.25) must be host/path in printable ASCII without scheme: it needs a host followed by a path (host/path).", bad.Message);
        Assert.Equal(WithCrc(Body(extra: Tlv("85", "0014br.gov.bcb.pix" + Tlv("25", "pix.example.com")))).IndexOf("pix.example.com", 120, StringComparison.Ordinal),
            bad.Position);

        var malformed = ParseError(WithCrc(Body(extra: "8004XX01")));
        Assert.Equal((BrCodeErrorKind.BadTag, "80"), (malformed.Kind, malformed.Tag));
    }

    [Fact]
    public void Dynamic_code_properties()
    {
        var dueDate = BrCode.Parse(WithCrc(Body(account: "0014br.gov.bcb.pix" + Tlv("25", "pix.example.com/COBV/1"), poi: "010212")));
        Assert.Equal((true, true, (string?)null), (dueDate.IsDueDateCharge, dueDate.IsDynamic, dueDate.PixKey));
        Assert.False(BrCode.Parse(Valid("P1")).IsDueDateCharge);
        Assert.Equal("BrCode dynamic key= amount=- txid=- merchant=Fulano de Tal", BrCode.Parse(Valid("P2")).ToString());
        var withInfo = BrCode.Parse(WithCrc(Body(account: "0014br.gov.bcb.pix" + Tlv("25", "pix.example.com/cob/1") + "0204info")));
        Assert.Equal(("info", "pix.example.com/cob/1"), (withInfo.AdditionalInfo, withInfo.Url));
    }

    [Fact]
    public void Static_code_text_shows_amount_and_txid()
    {
        var text = BrCode.Parse(Valid("D1")).ToString();
        Assert.StartsWith("BrCode static key=", text, StringComparison.Ordinal);
        Assert.EndsWith(" amount=89.90 txid=FAT202611ABC merchant=Provedor Exemplo Ltda", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_reports_no_error_on_success()
    {
        Assert.True(BrCode.TryParse(Valid("P1"), out var code, out var error));
        Assert.NotNull(code);
        Assert.Null(error);
        Assert.True(BrCode.TryParse(Valid("P1"), out var again));
        Assert.Equal(Valid("P1"), again!.Payload);
        Assert.False(BrCode.TryParse(null, out _, out var empty));
        Assert.Equal(BrCodeErrorKind.Empty, empty!.Kind);
    }

    // ---- CRC

    [Fact]
    public void Crc_uses_utf8_from_the_first_non_ascii_character_on()
    {
        foreach (var text in new[] { "\u0080", "a\u0080b", "Maceió", "\u007F", "ação", "\uD83D\uDE00" })
        {
            Assert.Equal(Crc(text), BrCode.ComputeCrc(text));
        }
        Assert.Equal("FFFF", BrCode.ComputeCrc(""));
        Assert.Throws<ArgumentNullException>(() => BrCode.ComputeCrc(null!));
    }

    // ---- writer

    [Fact]
    public void Writer_normalises_the_postal_code_and_leaves_out_a_blank_one()
    {
        Assert.Equal("80010000", BrCode.Parse(BrCode.Build(Static(cep: " 80010-000 "))).PostalCode);
        Assert.Null(BrCode.Parse(BrCode.Build(Static(cep: "  "))).PostalCode);
        Assert.Null(BrCode.Parse(BrCode.Build(Static(cep: "-"))).PostalCode);
        foreach (var cep in new[] { "800100000", "8001000A", "8001-00" })
        {
            var ex = BuildError(Static(cep: cep));
            Assert.Equal((BrCodeErrorKind.InvalidFieldValue, "61"), (ex.Kind, ex.Tag));
        }
    }

    [Fact]
    public void Writer_checks_the_mcc()
    {
        Assert.Equal("5411", BrCode.Parse(BrCode.Build(Static(mcc: "5411"))).MerchantCategoryCode);
        Assert.Equal("0000", new BrCodeStaticRequest { PixKey = EvpKey, MerchantName = "F", MerchantCity = "C" }.MerchantCategoryCode);
        foreach (var mcc in new[] { "541", "54111", "54a1" })
        {
            Assert.Equal("52", BuildError(Static(mcc: mcc)).Tag);
        }
        Assert.Equal("52", BuildError(new BrCodeStaticRequest { PixKey = EvpKey, MerchantName = "F", MerchantCity = "C", MerchantCategoryCode = null! }).Tag);
    }

    [Theory]
    [InlineData("0.01", "0.01")]
    [InlineData("1.1", "1.10")]
    [InlineData("10", "10.00")]
    [InlineData("9999999999.99", "9999999999.99")]
    public void Writer_formats_amounts_with_two_decimals(string amount, string written)
    {
        var payload = BrCode.Build(Static(amount: decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains(Tlv("54", written), payload, StringComparison.Ordinal);
        Assert.Equal(decimal.Parse(written, System.Globalization.CultureInfo.InvariantCulture), BrCode.Parse(payload).Amount);
    }

    [Fact]
    public void Writer_additional_information_edges()
    {
        // 72 characters pass the field's own limit and then meet the template's (99): the error names the template.
        var at72 = BuildError(Static(info: new string('x', 72)));
        Assert.Equal(("26", "The Pix template (key and additional information) has 134 characters; the limit is 99."), (at72.Tag, at72.Message));
        var at73 = BuildError(Static(info: new string('x', 73)));
        Assert.Equal(("26.02", "The additional information has 73 characters; the limit is 72."), (at73.Tag, at73.Message));
        Assert.Null(BrCode.Parse(BrCode.Build(Static(info: "   "))).AdditionalInfo);
        Assert.Null(BrCode.Parse(BrCode.Build(Static(info: "\U0001F600"))).AdditionalInfo); // nothing left after sanitising
        Assert.Equal("Mensalidade de marco", BrCode.Parse(BrCode.Build(Static(info: " Mensalidade  de março "))).AdditionalInfo);
    }

    [Fact]
    public void Writer_template_limit_is_99_characters()
    {
        // 00 GUI (18) + 01 key (4 + 36) = 58; + 02 info (4 + 37) = 99.
        Assert.Equal(new string('y', 37), BrCode.Parse(BrCode.Build(Static(info: new string('y', 37)))).AdditionalInfo);
        var ex = BuildError(Static(info: new string('y', 38)));
        Assert.Equal((BrCodeErrorKind.FieldTooLong, "26", "The Pix template (key and additional information) has 100 characters; the limit is 99."),
            (ex.Kind, ex.Tag, ex.Message));
    }

    [Fact]
    public void Writer_txid_rules()
    {
        Assert.Null(BrCode.Parse(BrCode.Build(Static(txId: " "))).TxId);
        Assert.Null(BrCode.Parse(BrCode.Build(Static(txId: "***"))).TxId);
        Assert.Equal(new string('Z', 25), BrCode.Parse(BrCode.Build(Static(txId: new string('Z', 25)))).TxId);
        Assert.Contains("62290525" + new string('Z', 25), BrCode.Build(Static(txId: new string('Z', 25))), StringComparison.Ordinal);
    }

    [Fact]
    public void Writer_dynamic_code_trims_the_url_and_marks_single_use()
    {
        var code = BrCode.Parse(BrCode.Build(new BrCodeDynamicRequest { Url = "  pix.example.com/qr/1 ", MerchantName = "F", MerchantCity = "C" }));
        Assert.Equal(("pix.example.com/qr/1", "12", (string?)null), (code.Url, code.PointOfInitiationMethod, code.TxId));
        var empty = BuildError(new BrCodeDynamicRequest { Url = null!, MerchantName = "F", MerchantCity = "C" });
        Assert.Equal((BrCodeErrorKind.InvalidUrl, "26.25"), (empty.Kind, empty.Tag));
        Assert.EndsWith(": it is empty.", empty.Message, StringComparison.Ordinal);
        Assert.Null(BrCode.Parse(BrCode.Build(Static())).PointOfInitiationMethod);
    }

    [Fact]
    public void Sanitised_text_has_no_leading_trailing_or_doubled_spaces_and_no_controls()
    {
        var code = BrCode.Parse(BrCode.Build(Static(name: "\t Fulano\u0001 \n de   Tal\u0007 ", city: "Rio  de Janeiro RJ")));
        Assert.Equal("Fulano de Tal", code.MerchantName);
        Assert.Equal("Rio de Janeiro", code.MerchantCity); // cut at 15 ("Rio de Janeiro ") then trimmed
        Assert.Equal("INVALID", BuildError(Static(name: "\u0001\u0002")).Kind == BrCodeErrorKind.InvalidMerchantName ? "INVALID" : "?");
    }

    // ---- key rules

    [Theory]
    [InlineData(" 529.982.247-25 ", "52998224725", BrCodeKeyType.Cpf)]
    [InlineData("11.222.333/0001-81", "11222333000181", BrCodeKeyType.Cnpj)]
    [InlineData("+55 (11) 98765-4321", "+5511987654321", BrCodeKeyType.Phone)]
    [InlineData("+55 11 3456-7890", "+551134567890", BrCodeKeyType.Phone)]
    [InlineData("Fin@Provedor.COM.br", "fin@provedor.com.br", BrCodeKeyType.Email)]
    [InlineData("123E4567-E12B-12D1-A456-426655440000", EvpKey, BrCodeKeyType.Evp)]
    public void Keys_are_written_in_the_dict_format(string typed, string written, BrCodeKeyType type)
    {
        var code = BrCode.Parse(BrCode.Build(Static(key: typed)));
        Assert.Equal((written, type), (code.PixKey, code.KeyType));
        Assert.Empty(code.Warnings);
    }

    [Theory]
    [InlineData("+5511087654321")] // mobile must start with 9
    [InlineData("+5501987654321")] // area code without zero
    [InlineData("+551198765432")]  // one digit short
    [InlineData("+55119876543210")]
    [InlineData("+551112345678")]  // landline starting with 1
    [InlineData("12345678901")]    // 11 digits, not a CPF
    [InlineData("1234567890123")]
    [InlineData("a@b@c.com")]
    [InlineData("abc")]
    public void Invalid_keys_are_refused_by_the_writer(string key) =>
        Assert.Equal(BrCodeErrorKind.InvalidPixKey, BuildError(Static(key: key)).Kind);

    [Fact]
    public void Key_length_limit_is_77()
    {
        var local = new string('a', 77 - "@x.com".Length);
        Assert.Equal(local + "@x.com", BrCode.Parse(WithCrc(Body(account: "0014br.gov.bcb.pix0177" + local + "@x.com"))).PixKey);
        Assert.Equal(BrCodeErrorKind.InvalidPixKey, BuildError(Static(key: "a" + local + "@x.com")).Kind); // 78: too long for DICT
    }

    [Theory]
    [InlineData("Financeiro@provedor.com.br", BrCodeKeyType.Email)]
    [InlineData("123E4567-e12b-12d1-a456-426655440000", BrCodeKeyType.Evp)]
    public void Upper_case_keys_in_a_code_are_accepted_with_a_warning(string key, BrCodeKeyType type)
    {
        var code = BrCode.Parse(WithCrc(Body(account: "0014br.gov.bcb.pix" + Tlv("01", key))));
        Assert.Equal((key, type), (code.PixKey, code.KeyType));
        Assert.Equal([BrCodeWarning.NonCanonicalPixKey], code.Warnings);
    }

    [Theory]
    [InlineData("11222333000181", BrCodeKeyType.Cnpj)]
    [InlineData("12ABC34501DE35", BrCodeKeyType.Cnpj)]
    [InlineData("52998224725", BrCodeKeyType.Cpf)]
    [InlineData("+5511987654321", BrCodeKeyType.Phone)]
    [InlineData("+551134567890", BrCodeKeyType.Phone)]
    public void Document_and_phone_keys_are_classified(string key, BrCodeKeyType type)
    {
        var code = BrCode.Parse(WithCrc(Body(account: "0014br.gov.bcb.pix" + Tlv("01", key))));
        Assert.Equal((key, type, 0), (code.PixKey, code.KeyType, code.Warnings.Count));
    }

    [Theory]
    [InlineData("12abc34501de35")]  // alphanumeric CNPJ must be upper case
    [InlineData("11222333000182")]  // wrong check digit
    [InlineData("52998224725000")]  // 14 digits that are no CNPJ
    [InlineData("5299822472")]
    public void Malformed_document_keys_in_a_code_are_refused(string key) =>
        Assert.Equal(BrCodeErrorKind.InvalidPixKey, ParseError(WithCrc(Body(account: "0014br.gov.bcb.pix" + Tlv("01", key)))).Kind);

    // ---- location (26-25 / 80-25)

    [Theory]
    [InlineData("pix.example.com:1/a")]
    [InlineData("pix.example.com:65535/a")]
    [InlineData("pix.example.com/~a!$&'()*+,;=:@/?-._")]
    [InlineData("a/b")]
    [InlineData("x-1.example/a")]
    public void Locations_at_the_edges_are_accepted(string url) =>
        Assert.Equal(url, BrCode.Parse(BrCode.Build(new BrCodeDynamicRequest { Url = url, MerchantName = "F", MerchantCity = "C" })).Url);

    [Theory]
    [InlineData("pix.example.com:123456/a", "the port is not a number from 1 to 65535")]
    [InlineData("pix.example.com:0443/a", "the port is not a number from 1 to 65535")]
    [InlineData("pix.example.com:44a/a", "the port is not a number from 1 to 65535")]
    [InlineData("pix.example-.com/a", "the host is not a DNS name (letters, digits and hyphens in dot-separated labels)")]
    [InlineData(":443/a", "the host is not a DNS name (letters, digits and hyphens in dot-separated labels)")]
    [InlineData("pix.example.com/a b", "character 17 is not printable ASCII (white space, accent or invisible character)")]
    [InlineData("pix.example.com/a\u007Fb", "character 17 is not printable ASCII (white space, accent or invisible character)")]
    [InlineData("pix.example.com/a\"b", "character 17 is not allowed in a URL path")]
    [InlineData("pix.example.com/ab%4", "a % in the path is not followed by two hexadecimal digits")]
    [InlineData("pix.example.com/ab%4g", "a % in the path is not followed by two hexadecimal digits")]
    [InlineData("pix.example.com/ab%g4", "a % in the path is not followed by two hexadecimal digits")]
    [InlineData("pix.example.com/%41%", "a % in the path is not followed by two hexadecimal digits")]
    [InlineData("ftp://pix.example.com/a", "it has a scheme; write it without https://")]
    [InlineData("u@pix.example.com/a", "the host part has an @ (user information is not allowed)")]
    [InlineData("pix.example.com/", "the path after the host is empty")]
    [InlineData("pix.example.com", "it needs a host followed by a path (host/path)")]
    public void Location_problems_are_named_exactly(string url, string reason)
    {
        var ex = BuildError(new BrCodeDynamicRequest { Url = url, MerchantName = "F", MerchantCity = "C" });
        Assert.Equal($"The payload URL must be host/path in printable ASCII without scheme (no https://), at most 77 characters: {reason}.", ex.Message);
    }

    [Fact]
    public void Host_and_label_length_limits()
    {
        var label63 = new string('a', 63);
        Assert.Equal(label63 + ".b/c", BrCode.Parse(WithCrc(Body(account: "0014br.gov.bcb.pix" + Tlv("25", label63 + ".b/c")))).Url);
        Assert.Contains("DNS name", ParseError(WithCrc(Body(account: "0014br.gov.bcb.pix" + Tlv("25", label63 + "a.b/c")))).Message, StringComparison.Ordinal);
        var percent = BrCode.Parse(WithCrc(Body(account: "0014br.gov.bcb.pix" + Tlv("25", "pix.example.com/%41%42")))).Url;
        Assert.Equal("pix.example.com/%41%42", percent);
    }

    // ---- exception type

    [Fact]
    public void Exception_constructors_default_to_an_invalid_field_value()
    {
        Assert.Equal((BrCodeErrorKind.InvalidFieldValue, "The BR Code is invalid."), (new BrCodeException().Kind, new BrCodeException().Message));
        Assert.Equal((BrCodeErrorKind.InvalidFieldValue, "m", (string?)null, (int?)null),
            (new BrCodeException("m").Kind, new BrCodeException("m").Message, new BrCodeException("m").Tag, new BrCodeException("m").Position));
        var inner = new InvalidOperationException();
        var wrapped = new BrCodeException("w", inner);
        Assert.Equal((BrCodeErrorKind.InvalidFieldValue, "w"), (wrapped.Kind, wrapped.Message));
        Assert.Same(inner, wrapped.InnerException);
        var full = new BrCodeException(BrCodeErrorKind.CrcMismatch, "c", "63", 7);
        Assert.Equal((BrCodeErrorKind.CrcMismatch, "c", "63", (int?)7), (full.Kind, full.Message, full.Tag, full.Position));
    }
}
