using static Cobranca.Connectors.Pix.Tests.BrCodeVectors;

namespace Cobranca.Connectors.Pix.Tests;

/// <summary>Issue 9 items 14-15 and issue 17 item 3 (safety) plus the test-depth list for the BR Code parser.</summary>
public class BrCodeFieldDefectTests
{
    private const string EvpKey = "123e4567-e12b-12d1-a456-426655440000";
    private const string PixAccount = "0014br.gov.bcb.pix0136" + EvpKey;
    private const string DynamicAccount = "0014br.gov.bcb.pix2548pix.example.com/8b3da2f39a4140d1a91abd93113bd441";

    private static string Body(string account = PixAccount, string name = "Fulano de Tal", string tail = "62070503***", string extra = "") =>
        "000201" + Tlv("26", account) + "52040000" + "5303986" + "5802BR" + Tlv("59", name) + "6008BRASILIA" + tail + extra;

    private static string Dynamic(string url, string tail = "62070503***") =>
        "00020101021226" + (18 + 4 + url.Length).ToString("00") + "0014br.gov.bcb.pix25" + url.Length.ToString("00") + url
        + "52040000" + "5303986" + "5802BR" + "5913Fulano de Tal" + "6008BRASILIA" + tail;

    // ---- issue 9 item 14: 62-05 with characters other than letters and digits

    [Theory]
    [InlineData("RP12345678-2019")] // the BR Code manual's multi-arrangement example
    [InlineData("QRS1-7A2F9C0D1E")] // the shape a large bank issues
    [InlineData("ab.12_3")]
    public void Txid_with_other_printable_characters_is_accepted_with_a_warning(string txid)
    {
        var code = BrCode.Parse(WithCrc(Dynamic("pix.example.com/8b3da2f39a4140d1a91abd93113bd441", Tlv("62", Tlv("05", txid)))));

        Assert.Equal(txid, code.TxId);
        Assert.Equal([BrCodeWarning.TxIdNotAlphanumeric], code.Warnings);
    }

    [Fact]
    public void Builder_keeps_emitting_strict_txids()
    {
        var ex = Assert.Throws<BrCodeException>(() => BrCode.Build(new BrCodeStaticRequest
        {
            PixKey = EvpKey, MerchantName = "Fulano", MerchantCity = "Brasilia", TxId = "RP12345678-2019",
        }));
        Assert.Equal(BrCodeErrorKind.InvalidTxId, ex.Kind);
    }

    [Fact]
    public void Txid_over_35_characters_is_still_an_error()
    {
        var ex = Assert.Throws<BrCodeException>(() => BrCode.Parse(WithCrc(Body(tail: Tlv("62", Tlv("05", "A-" + new string('1', 34)))))));
        Assert.Equal(BrCodeErrorKind.InvalidTxId, ex.Kind);
        Assert.Equal("62.05", ex.Tag);
    }

    // ---- issue 9 item 15: lower-case CRC

    [Fact]
    public void Lower_case_crc_is_accepted_by_value_with_a_warning()
    {
        var upper = Valid("P1");
        var lower = upper[..^4] + upper[^4..].ToLowerInvariant();
        Assert.EndsWith("63041d3d", lower, StringComparison.Ordinal);

        var code = BrCode.Parse(lower);

        Assert.Equal("1D3D", code.Crc);
        Assert.Equal(lower, code.Payload);
        Assert.Equal([BrCodeWarning.LowerCaseCrc], code.Warnings);
        Assert.Empty(BrCode.Parse(upper).Warnings);
    }

    [Fact]
    public void Lower_case_crc_with_the_wrong_value_is_a_mismatch()
    {
        var lower = Valid("P1")[..^4] + "1d3e";
        Assert.Equal(BrCodeErrorKind.CrcMismatch, Assert.Throws<BrCodeException>(() => BrCode.Parse(lower)).Kind);
    }

    [Fact]
    public void Builder_writes_the_crc_in_upper_case()
    {
        var payload = BrCode.Build(new BrCodeStaticRequest { PixKey = EvpKey, MerchantName = "Fulano de Tal", MerchantCity = "BRASILIA" });
        Assert.Matches("6304[0-9A-F]{4}$", payload);
        Assert.Equal(Valid("P1"), payload);
    }

    // ---- issue 17 item 3: the dynamic code's URL is validated precisely

    [Theory]
    [InlineData("pix.example.com/8b3da2f39a4140d1a91abd93113bd441")]
    [InlineData("qrpix.bank.com.br/qr/v2/cobv/9d36b84fc70b478fb95c12729b90ca25")]
    [InlineData("127.0.0.1:8443/qr/v2/abc")]
    [InlineData("psp.example.com/a%2Fb?x=1")]
    public void Well_formed_locations_are_accepted(string url) =>
        Assert.Equal(url, BrCode.Parse(WithCrc(Dynamic(url))).Url);

    [Theory]
    [InlineData("pix.exámple.com/abc", "not printable ASCII")]
    [InlineData("https://pix.example.com/abc", "scheme")]
    [InlineData("pix.example.com", "host followed by a path")]
    [InlineData("/abc", "host followed by a path")]
    [InlineData("pix.example.com/", "path after the host is empty")]
    [InlineData("bank.com.br@evil.example/abc", "@")]
    [InlineData("pix..example.com/abc", "DNS name")]
    [InlineData("-pix.example.com/abc", "DNS name")]
    [InlineData("pix_example.com/abc", "DNS name")]
    [InlineData("pix.example.com:0/abc", "port")]
    [InlineData("pix.example.com:65536/abc", "port")]
    [InlineData("pix.example.com:/abc", "port")]
    [InlineData("pix.example.com/a\"b", "not allowed in a URL path")]
    [InlineData("pix.example.com/a#b", "not allowed in a URL path")]
    [InlineData("pix.example.com/a%2", "%")]
    [InlineData("pix.example.com/a%zz", "%")]
    public void Malformed_locations_are_refused_with_the_reason(string url, string reason)
    {
        var ex = Assert.Throws<BrCodeException>(() => BrCode.Parse(WithCrc(Dynamic(url))));

        Assert.Equal(BrCodeErrorKind.InvalidUrl, ex.Kind);
        Assert.Equal("26.25", ex.Tag);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Location_of_77_characters_fits_and_is_accepted()
    {
        // 77 = 99 (template 26) - 18 (00 GUI) - 4 (25 header): a longer one cannot even be written in template 26.
        var url = "pix.example.com/" + new string('a', 61);
        Assert.Equal(77, url.Length);
        Assert.Equal(url, BrCode.Parse(WithCrc(Dynamic(url))).Url);
        Assert.Equal(BrCodeErrorKind.InvalidUrl, Assert.Throws<BrCodeException>(() =>
            BrCode.Build(new BrCodeDynamicRequest { Url = url + "a", MerchantName = "F", MerchantCity = "B" })).Kind);
    }

    [Fact]
    public void Bidi_character_in_the_location_is_refused_naming_template_26()
    {
        var payload = WithCrc(Dynamic("pix.example.com/ab\u202Ec"));
        var ex = Assert.Throws<BrCodeException>(() => BrCode.Parse(payload));
        Assert.Equal(BrCodeErrorKind.InvalidCharacter, ex.Kind);
        Assert.Equal("26", ex.Tag);
    }

    [Fact]
    public void Builder_refuses_what_the_parser_refuses()
    {
        foreach (var url in new[] { "pix.exámple.com/abc", "user@pix.example.com/abc", "pix.example.com" })
        {
            var ex = Assert.Throws<BrCodeException>(() => BrCode.Build(new BrCodeDynamicRequest { Url = url, MerchantName = "F", MerchantCity = "B" }));
            Assert.Equal(BrCodeErrorKind.InvalidUrl, ex.Kind);
        }
    }

    [Fact]
    public void Recurrence_location_is_validated_too()
    {
        var bad = WithCrc(Body(extra: Tlv("80", "0014br.gov.bcb.pix" + Tlv("25", "https://pix.example.com/rec/1"))));
        var ex = Assert.Throws<BrCodeException>(() => BrCode.Parse(bad));
        Assert.Equal(BrCodeErrorKind.InvalidUrl, ex.Kind);
        Assert.Equal("80.25", ex.Tag);
    }

    // ---- issue 17 item 3: control and bidirectional characters in the merchant name

    [Theory]
    [InlineData('\u202E')] // RIGHT-TO-LEFT OVERRIDE
    [InlineData('\u202D')] // LEFT-TO-RIGHT OVERRIDE
    [InlineData('\u2066')] // LEFT-TO-RIGHT ISOLATE
    [InlineData('\u200F')] // RIGHT-TO-LEFT MARK
    [InlineData('\u200B')] // ZERO WIDTH SPACE
    [InlineData('\uFEFF')] // BOM
    [InlineData('\u2028')] // LINE SEPARATOR
    public void Invisible_and_bidi_characters_in_the_merchant_name_are_refused_precisely(char c)
    {
        var name = "Fulano " + c + "de Tal";
        var payload = WithCrc(Body(name: name));

        var ex = Assert.Throws<BrCodeException>(() => BrCode.Parse(payload));

        Assert.Equal(BrCodeErrorKind.InvalidCharacter, ex.Kind);
        Assert.Equal("59", ex.Tag);
        Assert.Equal(payload.IndexOf(c, StringComparison.Ordinal), ex.Position);
        Assert.Contains($"U+{(int)c:X4}", ex.Message, StringComparison.Ordinal);
        Assert.Contains("merchant name", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bidi_character_in_the_city_names_the_city()
    {
        var payload = WithCrc("000201" + Tlv("26", PixAccount) + "520400005303986" + "5802BR" + "5913Fulano de Tal" + Tlv("60", "BRAS\u202EILIA") + "62070503***");
        var ex = Assert.Throws<BrCodeException>(() => BrCode.Parse(payload));
        Assert.Equal("60", ex.Tag);
        Assert.Contains("merchant city", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void C0_and_c1_control_characters_in_the_name_are_refused_with_their_code_point()
    {
        foreach (var c in new[] { '\u0007', '\u001B', '\u0085', '\u009B' })
        {
            var ex = Assert.Throws<BrCodeException>(() => BrCode.Parse(WithCrc(Body(name: "Fulano" + c + "Tal"))));
            Assert.Equal(BrCodeErrorKind.InvalidCharacter, ex.Kind);
            Assert.Contains($"U+{(int)c:X4}", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Plain_accents_stay_a_warning()
    {
        var code = BrCode.Parse(WithCrc(Body(name: "João Ção")));
        Assert.Equal([BrCodeWarning.NonAsciiCharacters], code.Warnings);
    }

    // ---- test depth: templates 51, 64, 99; MCC; amount shapes

    [Fact]
    public void Pix_gui_in_template_51_is_the_account()
    {
        var body = "000201" + Tlv("51", PixAccount) + "52040000" + "5303986" + "5802BR" + "5913Fulano de Tal" + "6008BRASILIA" + "62070503***";
        var code = BrCode.Parse(WithCrc(body));
        Assert.Equal(EvpKey, code.PixKey);
    }

    [Fact]
    public void Non_pix_template_26_with_pix_in_27_reads_27()
    {
        var body = "000201" + Tlv("26", "0009com.other01041234") + Tlv("27", PixAccount) + "52040000" + "5303986" + "5802BR" + "5913Fulano de Tal" + "6008BRASILIA" + "62070503***";
        Assert.Equal(EvpKey, BrCode.Parse(WithCrc(body)).PixKey);
    }

    [Fact]
    public void Language_template_64_is_walked()
    {
        var ok = WithCrc(Body(extra: Tlv("64", "0002PT" + Tlv("01", "Fulano"))));
        Assert.Equal("Fulano de Tal", BrCode.Parse(ok).MerchantName);

        var bad = WithCrc(Body(extra: "6406XX02PT"));
        var ex = Assert.Throws<BrCodeException>(() => BrCode.Parse(bad));
        Assert.Equal(BrCodeErrorKind.BadTag, ex.Kind);
        Assert.Equal("64", ex.Tag);
    }

    [Fact]
    public void Template_99_is_walked_and_its_pix_location_read()
    {
        var code = BrCode.Parse(WithCrc(Body(extra: Tlv("99", "0014br.gov.bcb.pix" + Tlv("25", "pix.example.com/rec/1")))));
        Assert.Equal("pix.example.com/rec/1", code.RecurrenceUrl);

        var other = BrCode.Parse(WithCrc(Body(extra: Tlv("99", "0009com.other" + Tlv("25", "x.example.com/1")))));
        Assert.Null(other.RecurrenceUrl);

        var bad = WithCrc(Body(extra: "9906001X12"));
        Assert.Equal("99.00", Assert.Throws<BrCodeException>(() => BrCode.Parse(bad)).Tag);
    }

    [Theory]
    [InlineData("520412A4")]
    [InlineData("5204 123")]
    [InlineData("52031234")]
    public void Mcc_must_be_four_digits(string field)
    {
        var body = Body().Replace("52040000", field, StringComparison.Ordinal);
        var ex = Assert.Throws<BrCodeException>(() => BrCode.Parse(WithCrc(body)));
        Assert.Contains(ex.Kind, new[] { BrCodeErrorKind.InvalidFieldValue, BrCodeErrorKind.BadTag, BrCodeErrorKind.BadLength });
    }

    [Theory]
    [InlineData(".50")]
    [InlineData("1.")]
    [InlineData("1e2")]
    [InlineData("+10")]
    [InlineData("0")]
    [InlineData("0.00")]
    [InlineData("1.2.3")]
    public void Malformed_amounts_are_refused(string amount)
    {
        var body = "000201" + Tlv("26", PixAccount) + "52040000" + "5303986" + Tlv("54", amount) + "5802BR" + "5913Fulano de Tal" + "6008BRASILIA" + "62070503***";
        var ex = Assert.Throws<BrCodeException>(() => BrCode.Parse(WithCrc(body)));
        Assert.Equal(BrCodeErrorKind.InvalidAmount, ex.Kind);
        Assert.Equal("54", ex.Tag);
    }

    [Theory]
    [InlineData("0.01", "0.01")]
    [InlineData("10", "10")]
    [InlineData("10.5", "10.5")]
    [InlineData("9999999999.99", "9999999999.99")]
    public void Well_formed_amounts_are_read(string amount, string expected)
    {
        var body = "000201" + Tlv("26", PixAccount) + "52040000" + "5303986" + Tlv("54", amount) + "5802BR" + "5913Fulano de Tal" + "6008BRASILIA" + "62070503***";
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), BrCode.Parse(WithCrc(body)).Amount);
    }
}
