namespace Cobranca.Connectors.Pix.Tests;

/// <summary>
/// The exact error texts and positions of every parse and build failure (the CLI and bots print them; issue 17: error
/// texts were never asserted, so a mutated message survived).
/// </summary>
public class BrCodeErrorTextTests
{
    private static readonly Dictionary<string, (int? Position, string Message)> ParseErrors = new()
    {
        ["empty"] = (null, "The BR Code is empty."),
        ["too long"] = (null, "The BR Code has 513 characters; the limit is 512."),
        ["control char"] = (20, "Character 20 (U+0001) is a control character or a surrogate."),
        ["non-digit id"] = (0, "Expected a two-digit data object ID at character 0 of the payload."),
        ["non-digit length"] = (2, "Expected a two-digit length for data object 00."),
        ["length 00"] = (2, "Data object 00 has length 00."),
        ["overrun"] = (8, "Data object 26 (length 99) runs past the end of the payload."),
        ["truncated id"] = (6, "Expected a two-digit data object ID at character 6 of the payload."),
        ["nested bad length"] = (30, "Expected a two-digit length for data object 26.01."),
        ["nested overrun"] = (30, "Data object 26.01 (length 50) runs past the end of template 26."),
        ["duplicate tag"] = (129, "Data object 58 appears twice in the payload."),
        ["00 not first"] = (8, "The Payload Format Indicator (00) must be the first data object."),
        ["00 missing"] = (0, "The Payload Format Indicator (00) is missing."),
        ["00 wrong"] = (4, "The Payload Format Indicator (00) must be 01."),
        ["63 missing"] = (null, "The CRC (63) is missing."),
        ["63 not last"] = (118, "The CRC (63) must be the last data object."),
        ["63 not hex"] = (133, "The CRC (63) must be four hexadecimal digits."),
        ["63 lower-case hex, wrong value"] = (133, "The CRC does not match: the payload gives 1D3D, the code says abcd."),
        ["63 length 3"] = (133, "The CRC (63) must be four hexadecimal digits."),
        ["crc mismatch"] = (133, "The CRC does not match: the payload gives 1D3D, the code says 1D3E."),
        ["poi 13"] = (10, "The Point of Initiation Method (01) must be 11 or 12."),
        ["mcc letters"] = (72, "The Merchant Category Code (52) must be four digits."),
        ["currency usd"] = (80, "The currency (53) must be 986 (BRL)."),
        ["country us"] = (87, "The country code (58) must be BR."),
        ["currency missing"] = (null, "The required data object 53 is missing."),
        ["name missing"] = (null, "The required data object 59 is missing."),
        ["city missing"] = (null, "The required data object 60 is missing."),
        ["pix template missing"] = (null, "The Pix merchant account template (26) is missing."),
        ["wrong gui"] = (10, "No merchant account template carries the Pix GUI br.gov.bcb.pix."),
        ["two pix templates"] = (72, "More than one merchant account template carries the Pix GUI."),
        ["key and url"] = (72, "The Pix template has both a key (01) and a URL (25)."),
        ["neither key nor url"] = (14, "The Pix template has neither a key (01) nor a URL (25)."),
        ["cpf with bad check digits"] = (32, "The Pix key (01) is not a CPF, CNPJ, +55 phone, e-mail or EVP in the DICT format."),
        ["formatted cpf"] = (32, "The Pix key (01) is not a CPF, CNPJ, +55 phone, e-mail or EVP in the DICT format."),
        ["phone without +55"] = (32, "The Pix key (01) is not a CPF, CNPJ, +55 phone, e-mail or EVP in the DICT format."),
        ["foreign phone"] = (32, "The Pix key (01) is not a CPF, CNPJ, +55 phone, e-mail or EVP in the DICT format."),
        ["url with scheme"] = (32, "The payload URL (26.25) must be host/path in printable ASCII without scheme (no https://): it has a scheme; write it without https://."),
        ["amount with comma"] = (87, "The amount (54) must be a positive decimal with a dot, at most two decimals and 13 characters."),
        ["amount zero"] = (87, "The amount (54) must be a positive decimal with a dot, at most two decimals and 13 characters."),
        ["amount three decimals"] = (87, "The amount (54) must be a positive decimal with a dot, at most two decimals and 13 characters."),
        ["amount negative"] = (87, "The amount (54) must be a positive decimal with a dot, at most two decimals and 13 characters."),
        ["amount trailing dot"] = (87, "The amount (54) must be a positive decimal with a dot, at most two decimals and 13 characters."),
        ["amount 14 chars"] = (87, "The amount (54) must be a positive decimal with a dot, at most two decimals and 13 characters."),
        ["txid 36 chars"] = (126, "The txid (62.05) must be *** or 1 to 35 characters."),
        ["nested 62 bad tag"] = (122, "Expected a two-digit data object ID at character 122 of template 62."),
    };

    private static readonly Dictionary<string, (string Tag, string Message)> BuildErrors = new()
    {
        ["cpf bad check digit"] = ("26.01", "The Pix key is not a valid CPF, CNPJ, +55 phone, e-mail or EVP (random key)."),
        ["cnpj bad check digit"] = ("26.01", "The Pix key is not a valid CPF, CNPJ, +55 phone, e-mail or EVP (random key)."),
        ["phone without country"] = ("26.01", "The Pix key is not a valid CPF, CNPJ, +55 phone, e-mail or EVP (random key)."),
        ["foreign phone"] = ("26.01", "The Pix key is not a valid CPF, CNPJ, +55 phone, e-mail or EVP (random key)."),
        ["phone too short"] = ("26.01", "The Pix key is not a valid CPF, CNPJ, +55 phone, e-mail or EVP (random key)."),
        ["email without domain"] = ("26.01", "The Pix key is not a valid CPF, CNPJ, +55 phone, e-mail or EVP (random key)."),
        ["email with space"] = ("26.01", "The Pix key is not a valid CPF, CNPJ, +55 phone, e-mail or EVP (random key)."),
        ["evp too short"] = ("26.01", "The Pix key is not a valid CPF, CNPJ, +55 phone, e-mail or EVP (random key)."),
        ["blank key"] = ("26.01", "The Pix key is not a valid CPF, CNPJ, +55 phone, e-mail or EVP (random key)."),
        ["zero amount"] = ("54", "The amount must be positive, at most 9,999,999,999.99 and have at most two decimals (it is never rounded)."),
        ["negative amount"] = ("54", "The amount must be positive, at most 9,999,999,999.99 and have at most two decimals (it is never rounded)."),
        ["three decimals"] = ("54", "The amount must be positive, at most 9,999,999,999.99 and have at most two decimals (it is never rounded)."),
        ["too large"] = ("54", "The amount must be positive, at most 9,999,999,999.99 and have at most two decimals (it is never rounded)."),
        ["txid 26 chars"] = ("62.05", "A static code's txid must be 1 to 25 letters and digits, or *** for none."),
        ["txid hyphen"] = ("62.05", "A static code's txid must be 1 to 25 letters and digits, or *** for none."),
        ["txid accent"] = ("62.05", "A static code's txid must be 1 to 25 letters and digits, or *** for none."),
        ["empty name"] = ("59", "The merchant name is empty after removing accents and symbols."),
        ["emoji name"] = ("59", "The merchant name is empty after removing accents and symbols."),
        ["empty city"] = ("60", "The merchant city is empty after removing accents and symbols."),
        ["info too long"] = ("26.02", "The additional information has 73 characters; the limit is 72."),
        ["key plus info over 99"] = ("26", "The Pix template (key and additional information) has 130 characters; the limit is 99."),
        ["cep 7 digits"] = ("61", "The postal code (CEP) must have 8 digits."),
        ["mcc letters"] = ("52", "The Merchant Category Code must be four digits."),
        ["url with scheme"] = ("26.25", "The payload URL must be host/path in printable ASCII without scheme (no https://), at most 77 characters: it has a scheme; write it without https://."),
        ["url too long"] = ("26.25", "The payload URL must be host/path in printable ASCII without scheme (no https://), at most 77 characters: it has 78 characters; the limit is 77."),
        ["url with space"] = ("26.25", "The payload URL must be host/path in printable ASCII without scheme (no https://), at most 77 characters: character 17 is not printable ASCII (white space, accent or invisible character)."),
    };

    [Fact]
    public void Every_parse_failure_has_its_exact_message_and_position()
    {
        var rows = BrCodeParseTests.Invalid().Select(r => ((string)r[0], (string)r[1])).ToList();
        Assert.Equal(ParseErrors.Count, rows.Count);
        foreach (var (name, payload) in rows)
        {
            var ex = Assert.Throws<BrCodeException>(() => BrCode.Parse(payload));
            Assert.Equal((name, ParseErrors[name].Position, ParseErrors[name].Message), (name, ex.Position, ex.Message));
            Assert.True(BrCode.TryParse(payload, out _, out var error) is false && error!.Message == ex.Message && error.Position == ex.Position
                && error.Tag == ex.Tag, name);
        }
    }

    [Fact]
    public void Every_build_failure_has_its_exact_message_and_tag()
    {
        var rows = BrCodeBuildTests.InvalidRequests().Select(r => ((string)r[0], (BrCodeRequest)r[1])).ToList();
        Assert.Equal(BuildErrors.Count, rows.Count);
        foreach (var (name, request) in rows)
        {
            var ex = Assert.Throws<BrCodeException>(() => BrCode.Build(request));
            Assert.Equal((name, BuildErrors[name].Tag, BuildErrors[name].Message, (int?)null), (name, ex.Tag, ex.Message, ex.Position));
        }
    }
}
