using static Cobranca.Connectors.Pix.Tests.BrCodeVectors;

namespace Cobranca.Connectors.Pix.Tests;

public class BrCodeParseTests
{
    private const string EvpKey = "123e4567-e12b-12d1-a456-426655440000";
    private const string PixAccount = "0014br.gov.bcb.pix0136" + EvpKey;

    /// <summary>A conforming static body without CRC, with the Pix template given.</summary>
    private static string Body(string account = PixAccount, string extraBefore58 = "", string tail = "62070503***") =>
        "000201" + Tlv("26", account) + "52040000" + "5303986" + extraBefore58 + "5802BR" + "5913Fulano de Tal" + "6008BRASILIA" + tail;

    [Fact]
    public void Crc_primitive_matches_the_reference_check_values()
    {
        Assert.Equal("29B1", BrCode.ComputeCrc("123456789"));
        Assert.Equal("2BFE", BrCode.ComputeCrc("000AXYZ"));
    }

    [Theory]
    [MemberData(nameof(ValidIds), MemberType = typeof(BrCodeVectors))]
    public void Every_valid_vector_parses_with_its_crc(string id)
    {
        var payload = Valid(id);
        var code = BrCode.Parse(payload);
        Assert.Equal(payload, code.Payload);
        Assert.Equal(payload[^4..], code.Crc);
        Assert.Equal(Crc(payload[..^4]), code.Crc);
        Assert.Empty(code.Warnings);
        var expected = SharedRows.FirstOrDefault(r => r[0] == id);
        if (expected is not null) Assert.Equal(expected[2], code.Crc);
    }

    [Fact]
    public void Shared_negative_vector_is_rejected_with_crc_mismatch()
    {
        foreach (var row in SharedRows.Where(r => r[2] == "reject"))
        {
            var ex = Assert.Throws<BrCodeException>(() => BrCode.Parse(row[1]));
            Assert.Equal(BrCodeErrorKind.CrcMismatch, ex.Kind);
            Assert.Equal("63", ex.Tag);
            Assert.Contains("1D3D", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void P1_is_a_static_evp_code_without_amount_or_txid()
    {
        var code = BrCode.Parse(Valid("P1"));
        Assert.False(code.IsDynamic);
        Assert.Equal(EvpKey, code.PixKey);
        Assert.Equal(BrCodeKeyType.Evp, code.KeyType);
        Assert.Null(code.Amount);
        Assert.Null(code.TxId);
        Assert.Null(code.PointOfInitiationMethod);
        Assert.Equal("Fulano de Tal", code.MerchantName);
        Assert.Equal("BRASILIA", code.MerchantCity);
        Assert.Equal("0000", code.MerchantCategoryCode);
    }

    [Fact]
    public void P2_is_a_single_use_dynamic_code()
    {
        var code = BrCode.Parse(Valid("P2"));
        Assert.True(code.IsDynamic);
        Assert.True(code.IsSingleUse);
        Assert.False(code.IsDueDateCharge);
        Assert.Equal("pix.example.com/8b3da2f39a4140d1a91abd93113bd441", code.Url);
        Assert.Null(code.PixKey);
        Assert.Null(code.KeyType);
    }

    [Fact]
    public void P3_carries_amount_and_the_pix_automatico_template()
    {
        var code = BrCode.Parse(Valid("P3"));
        Assert.Equal(100.50m, code.Amount);
        Assert.Equal("pix.example.com/rec/2353c790eefb11eaadc10242ac120002", code.RecurrenceUrl);
        Assert.Equal(EvpKey, code.PixKey);
    }

    [Theory]
    [InlineData("D1", BrCodeKeyType.Cpf, "52998224725", "89.90", "FAT202611ABC")]
    [InlineData("D2", BrCodeKeyType.Cnpj, "11222333000181", "1234.56", null)]
    [InlineData("D3", BrCodeKeyType.Phone, "+5511987654321", null, "ABC123")]
    [InlineData("D4", BrCodeKeyType.Email, "financeiro@provedor.com.br", "0.01", null)]
    [InlineData("D7", BrCodeKeyType.Cnpj, "12ABC34501DE35", "59.99", "X")]
    public void Derived_static_codes_decode_key_type_amount_and_txid(string id, BrCodeKeyType type, string key, string? amount, string? txId)
    {
        var code = BrCode.Parse(Valid(id));
        Assert.Equal(type, code.KeyType);
        Assert.Equal(key, code.PixKey);
        Assert.Equal(amount is null ? null : decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), code.Amount);
        Assert.Equal(txId, code.TxId);
    }

    [Fact]
    public void Derived_codes_expose_postal_code_additional_info_and_cobv()
    {
        Assert.Equal("80010000", BrCode.Parse(Valid("D2")).PostalCode);
        Assert.Equal("Mensalidade novembro", BrCode.Parse(Valid("D3")).AdditionalInfo);
        var cobv = BrCode.Parse(Valid("D5"));
        Assert.True(cobv.IsDueDateCharge);
        Assert.True(cobv.IsDynamic);
    }

    [Fact]
    public void Surrounding_white_space_is_ignored()
    {
        var code = BrCode.Parse("  " + Valid("P1") + "\r\n");
        Assert.Equal(Valid("P1"), code.Payload);
    }

    [Fact]
    public void Gui_is_case_insensitive()
    {
        var payload = WithCrc(Body("0014BR.GOV.BCB.PIX0136" + EvpKey));
        Assert.Equal(EvpKey, BrCode.Parse(payload).PixKey);
    }

    [Fact]
    public void ToString_masks_the_key()
    {
        var text = BrCode.Parse(Valid("D1")).ToString();
        Assert.DoesNotContain("52998224725", text, StringComparison.Ordinal);
        Assert.Contains("89.90", text, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, BrCodeErrorKind, string?> Invalid() => new()
    {
        { "empty", "   ", BrCodeErrorKind.Empty, null },
        { "too long", new string('0', 513), BrCodeErrorKind.TooLong, null },
        { "control char", Valid("P1").Insert(20, "\u0001"), BrCodeErrorKind.InvalidCharacter, null },
        { "non-digit id", "AB0201" + Valid("P1")[6..], BrCodeErrorKind.BadTag, null },
        { "non-digit length", "00X201", BrCodeErrorKind.BadLength, "00" },
        { "length 00", WithCrc("000001" + Body()[6..]), BrCodeErrorKind.BadLength, "00" },
        { "overrun", "000201269912", BrCodeErrorKind.BadLength, "26" },
        { "truncated id", "0002010", BrCodeErrorKind.BadTag, null },
        { "nested bad length", WithCrc(Body("0014br.gov.bcb.pix01XX")), BrCodeErrorKind.BadLength, "26.01" },
        { "nested overrun", WithCrc(Body("0014br.gov.bcb.pix0150abc")), BrCodeErrorKind.BadLength, "26.01" },
        { "duplicate tag", WithCrc(Body(tail: "62070503***5802BR")), BrCodeErrorKind.DuplicateTag, "58" },
        { "00 not first", WithCrc("52040000" + Body().Replace("52040000", "", StringComparison.Ordinal)), BrCodeErrorKind.BadOrder, "00" },
        { "00 missing", WithCrc(Body()[6..]), BrCodeErrorKind.MissingField, "00" },
        { "00 wrong", WithCrc("000202" + Body()[6..]), BrCodeErrorKind.InvalidFieldValue, "00" },
        { "63 missing", Body(), BrCodeErrorKind.MissingField, "63" },
        { "63 not last", Body(tail: "") + "63041D3D62070503***", BrCodeErrorKind.BadOrder, "63" },
        { "63 not hex", Body() + "6304ABCG", BrCodeErrorKind.MalformedCrc, "63" },
        { "63 lower-case hex, wrong value", Body() + "6304abcd", BrCodeErrorKind.CrcMismatch, "63" },
        { "63 length 3", Body() + "6303ABC", BrCodeErrorKind.MalformedCrc, "63" },
        { "crc mismatch", Valid("P1")[..^1] + "E", BrCodeErrorKind.CrcMismatch, "63" },
        { "poi 13", WithCrc("000201010213" + Body()[6..]), BrCodeErrorKind.InvalidFieldValue, "01" },
        { "mcc letters", WithCrc(Body().Replace("52040000", "5204ABCD", StringComparison.Ordinal)), BrCodeErrorKind.InvalidFieldValue, "52" },
        { "currency usd", WithCrc(Body().Replace("5303986", "5303840", StringComparison.Ordinal)), BrCodeErrorKind.InvalidFieldValue, "53" },
        { "country us", WithCrc(Body().Replace("5802BR", "5802US", StringComparison.Ordinal)), BrCodeErrorKind.InvalidFieldValue, "58" },
        { "currency missing", WithCrc(Body().Replace("5303986", "", StringComparison.Ordinal)), BrCodeErrorKind.MissingField, "53" },
        { "name missing", WithCrc(Body().Replace("5913Fulano de Tal", "", StringComparison.Ordinal)), BrCodeErrorKind.MissingField, "59" },
        { "city missing", WithCrc(Body().Replace("6008BRASILIA", "", StringComparison.Ordinal)), BrCodeErrorKind.MissingField, "60" },
        { "pix template missing", WithCrc("000201" + "52040000" + "5303986" + "5802BR5913Fulano de Tal6008BRASILIA62070503***"), BrCodeErrorKind.MissingField, "26" },
        { "wrong gui", WithCrc(Body("0014br.gov.bcb.pox0136" + EvpKey)), BrCodeErrorKind.InvalidGui, "26.00" },
        { "two pix templates", WithCrc(Body(PixAccount).Replace("52040000", Tlv("27", PixAccount) + "52040000", StringComparison.Ordinal)), BrCodeErrorKind.ConflictingFields, "27" },
        { "key and url", WithCrc(Body(PixAccount + "2515pix.example.com")), BrCodeErrorKind.ConflictingFields, "26" },
        { "neither key nor url", WithCrc(Body("0014br.gov.bcb.pix0205hello")), BrCodeErrorKind.MissingField, "26.01" },
        { "cpf with bad check digits", WithCrc(Body("0014br.gov.bcb.pix011152998224724")), BrCodeErrorKind.InvalidPixKey, "26.01" },
        { "formatted cpf", WithCrc(Body("0014br.gov.bcb.pix0114529.982.247-25")), BrCodeErrorKind.InvalidPixKey, "26.01" },
        { "phone without +55", WithCrc(Body("0014br.gov.bcb.pix011111987654321")), BrCodeErrorKind.InvalidPixKey, "26.01" },
        { "foreign phone", WithCrc(Body("0014br.gov.bcb.pix0112+12025550123")), BrCodeErrorKind.InvalidPixKey, "26.01" },
        { "url with scheme", WithCrc(Body("0014br.gov.bcb.pix2523https://pix.example.com")), BrCodeErrorKind.InvalidUrl, "26.25" },
        { "amount with comma", WithCrc(Body(extraBefore58: "540510,00")), BrCodeErrorKind.InvalidAmount, "54" },
        { "amount zero", WithCrc(Body(extraBefore58: "54040.00")), BrCodeErrorKind.InvalidAmount, "54" },
        { "amount three decimals", WithCrc(Body(extraBefore58: "54051.234")), BrCodeErrorKind.InvalidAmount, "54" },
        { "amount negative", WithCrc(Body(extraBefore58: "5403-10")), BrCodeErrorKind.InvalidAmount, "54" },
        { "amount trailing dot", WithCrc(Body(extraBefore58: "540310.")), BrCodeErrorKind.InvalidAmount, "54" },
        { "amount 14 chars", WithCrc(Body(extraBefore58: Tlv("54", "123456789012.0"))), BrCodeErrorKind.InvalidAmount, "54" },
        { "txid 36 chars", WithCrc(Body(tail: "6240" + "0536" + new string('a', 36))), BrCodeErrorKind.InvalidTxId, "62.05" },
        { "nested 62 bad tag", WithCrc(Body(tail: "6207X503***")), BrCodeErrorKind.BadTag, "62" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Each_violation_has_its_own_error_kind(string name, string payload, BrCodeErrorKind kind, string? tag)
    {
        var ex = Assert.Throws<BrCodeException>(() => BrCode.Parse(payload));
        Assert.True(kind == ex.Kind, $"{name}: expected {kind}, got {ex.Kind}: {ex.Message}");
        if (tag is not null) Assert.Equal(tag, ex.Tag);
        Assert.False(BrCode.TryParse(payload, out var code));
        Assert.Null(code);
        Assert.False(BrCode.TryParse(payload, out _, out var error));
        Assert.Equal(kind, error!.Kind);
    }

    [Fact]
    public void Lone_surrogate_is_an_invalid_character()
    {
        // Not theory data: xunit's serialiser would replace the lone surrogate.
        var ex = Assert.Throws<BrCodeException>(() => BrCode.Parse(Valid("P1").Replace("Fulano", "Ful\uD800no", StringComparison.Ordinal)));
        Assert.Equal(BrCodeErrorKind.InvalidCharacter, ex.Kind);
        Assert.Equal(Valid("P1").IndexOf("Fulano", StringComparison.Ordinal) + 3, ex.Position);
    }

    [Fact]
    public void Error_messages_never_echo_the_pix_key()
    {
        var payload = WithCrc(Body("0014br.gov.bcb.pix011152998224724"));
        var ex = Assert.Throws<BrCodeException>(() => BrCode.Parse(payload));
        Assert.DoesNotContain("52998224724", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Real_world_overlong_name_and_city_parse_with_warnings()
    {
        var body = "000201" + Tlv("26", PixAccount) + "520400005303986" + "5802BR" + Tlv("59", "PROVEDOR DE INTERNET EXEMPLO LTDA") + Tlv("60", "SAO JOSE DOS CAMPOS") + "62070503***";
        var code = BrCode.Parse(WithCrc(body));
        Assert.Equal([BrCodeWarning.MerchantNameTooLong, BrCodeWarning.MerchantCityTooLong], code.Warnings);
        Assert.Equal("PROVEDOR DE INTERNET EXEMPLO LTDA", code.MerchantName);
    }

    [Fact]
    public void Accents_are_accepted_with_a_warning_and_the_crc_is_checked_over_utf8()
    {
        var body = "000201" + Tlv("26", PixAccount) + "520400005303986" + "5802BR" + Tlv("59", "Fulano de Tal") + Tlv("60", "MACEIÓ") + "62070503***";
        var code = BrCode.Parse(WithCrc(body));
        Assert.Equal("MACEIÓ", code.MerchantCity);
        Assert.Contains(BrCodeWarning.NonAsciiCharacters, code.Warnings);
        // The same payload with the CRC of its Latin-1 bytes is rejected: the CRC is over UTF-8.
        var latin1Crc = Crc(body + "6304", System.Text.Encoding.Latin1);
        Assert.NotEqual(Crc(body + "6304"), latin1Crc);
        Assert.Equal(BrCodeErrorKind.CrcMismatch, Assert.Throws<BrCodeException>(() => BrCode.Parse(body + "6304" + latin1Crc)).Kind);
    }

    [Fact]
    public void Missing_reference_label_and_upper_case_evp_are_warnings()
    {
        var code = BrCode.Parse(WithCrc(Body("0014br.gov.bcb.pix0136" + EvpKey.ToUpperInvariant(), tail: "")));
        Assert.Equal([BrCodeWarning.NonCanonicalPixKey, BrCodeWarning.MissingReferenceLabel], code.Warnings);
        Assert.Null(code.TxId);
    }

    [Fact]
    public void Static_txid_longer_than_25_is_a_warning_not_an_error()
    {
        var txid = new string('A', 30);
        var code = BrCode.Parse(WithCrc(Body(tail: Tlv("62", Tlv("05", txid)))));
        Assert.Equal(txid, code.TxId);
        Assert.Equal([BrCodeWarning.TxIdTooLongForStaticCode], code.Warnings);
    }
}
