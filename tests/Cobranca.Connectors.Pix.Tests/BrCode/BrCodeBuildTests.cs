using static Cobranca.Connectors.Pix.Tests.BrCodeVectors;

namespace Cobranca.Connectors.Pix.Tests;

public class BrCodeBuildTests
{
    [Fact]
    public void Static_build_reproduces_the_bacen_manual_example_P1()
    {
        var payload = BrCode.Build(new BrCodeStaticRequest
        {
            PixKey = "123e4567-e12b-12d1-a456-426655440000",
            MerchantName = "Fulano de Tal",
            MerchantCity = "BRASILIA",
        });
        Assert.Equal(Valid("P1"), payload);
    }

    [Fact]
    public void Dynamic_build_reproduces_the_bacen_manual_example_P2()
    {
        var payload = BrCode.Build(new BrCodeDynamicRequest
        {
            Url = "pix.example.com/8b3da2f39a4140d1a91abd93113bd441",
            MerchantName = "Fulano de Tal",
            MerchantCity = "BRASILIA",
        });
        Assert.Equal(Valid("P2"), payload);
    }

    public static TheoryData<string, BrCodeRequest> DerivedRequests() => new()
    {
        { "D1", new BrCodeStaticRequest { PixKey = "529.982.247-25", MerchantName = "Provedor Exemplo Ltda", MerchantCity = "Sao Paulo", Amount = 89.90m, TxId = "FAT202611ABC" } },
        { "D2", new BrCodeStaticRequest { PixKey = "11.222.333/0001-81", MerchantName = "NET RAPIDA", MerchantCity = "CURITIBA", Amount = 1234.56m, PostalCode = "80010-000" } },
        { "D3", new BrCodeStaticRequest { PixKey = "+55 (11) 98765-4321", MerchantName = "Fibra Sul", MerchantCity = "Porto Alegre", TxId = "ABC123", AdditionalInfo = "Mensalidade novembro" } },
        { "D4", new BrCodeStaticRequest { PixKey = "Financeiro@Provedor.com.br", MerchantName = "Provedor", MerchantCity = "Recife", Amount = 0.01m, TxId = "***" } },
        { "D5", new BrCodeDynamicRequest { Url = "pix.example.com/cobv/9d36b84fc70b478fb95c12729b90ca25", MerchantName = "Fulano de Tal", MerchantCity = "BRASILIA" } },
        { "D6", new BrCodeStaticRequest { PixKey = "123E4567-E12B-12D1-A456-426655440000", MerchantName = "João  Ção Telecomunicações Ltda ME", MerchantCity = "Maceió", Amount = 100m } },
        { "D7", new BrCodeStaticRequest { PixKey = "12.ABC.345/01DE-35", MerchantName = "Conecta Mais", MerchantCity = "Natal", Amount = 59.99m, TxId = "X" } },
    };

    [Theory]
    [MemberData(nameof(DerivedRequests))]
    public void Build_matches_the_independently_derived_vectors(string id, BrCodeRequest request)
    {
        Assert.Equal(Valid(id), BrCode.Build(request));
    }

    [Fact]
    public void Sanitising_strips_accents_keeps_case_collapses_spaces_and_cuts()
    {
        var code = BrCode.Parse(BrCode.Build(new BrCodeStaticRequest
        {
            PixKey = "52998224725",
            MerchantName = "  Açaí\tInternet   Provedora de Acesso Ltda ",
            MerchantCity = "São José dos Campos",
        }));
        Assert.Equal("Acai Internet Provedora d", code.MerchantName);
        Assert.Equal("Sao Jose dos Ca", code.MerchantCity);
        Assert.Empty(code.Warnings);
    }

    [Fact]
    public void Crc_is_upper_case_hex()
    {
        foreach (var (_, request) in DerivedRequests().Select(r => ((string)r[0], (BrCodeRequest)r[1])))
        {
            var crc = BrCode.Build(request)[^4..];
            Assert.Matches("^[0-9A-F]{4}$", crc);
        }
    }

    public static TheoryData<string, BrCodeRequest, BrCodeErrorKind> InvalidRequests()
    {
        static BrCodeStaticRequest S(string key = "52998224725", string name = "Fulano", string city = "Recife", decimal? amount = null,
            string? txId = null, string? info = null, string? cep = null, string mcc = "0000") =>
            new() { PixKey = key, MerchantName = name, MerchantCity = city, Amount = amount, TxId = txId, AdditionalInfo = info, PostalCode = cep, MerchantCategoryCode = mcc };
        return new()
        {
            { "cpf bad check digit", S(key: "52998224724"), BrCodeErrorKind.InvalidPixKey },
            { "cnpj bad check digit", S(key: "11222333000182"), BrCodeErrorKind.InvalidPixKey },
            { "phone without country", S(key: "11987654321"), BrCodeErrorKind.InvalidPixKey },
            { "foreign phone", S(key: "+12025550123"), BrCodeErrorKind.InvalidPixKey },
            { "phone too short", S(key: "+551198765"), BrCodeErrorKind.InvalidPixKey },
            { "email without domain", S(key: "joao@"), BrCodeErrorKind.InvalidPixKey },
            { "email with space", S(key: "jo ao@x.com"), BrCodeErrorKind.InvalidPixKey },
            { "evp too short", S(key: "123e4567-e12b-12d1-a456-42665544000"), BrCodeErrorKind.InvalidPixKey },
            { "blank key", S(key: " "), BrCodeErrorKind.InvalidPixKey },
            { "zero amount", S(amount: 0m), BrCodeErrorKind.InvalidAmount },
            { "negative amount", S(amount: -1m), BrCodeErrorKind.InvalidAmount },
            { "three decimals", S(amount: 10.005m), BrCodeErrorKind.InvalidAmount },
            { "too large", S(amount: 10_000_000_000m), BrCodeErrorKind.InvalidAmount },
            { "txid 26 chars", S(txId: new string('a', 26)), BrCodeErrorKind.InvalidTxId },
            { "txid hyphen", S(txId: "abc-1"), BrCodeErrorKind.InvalidTxId },
            { "txid accent", S(txId: "ação"), BrCodeErrorKind.InvalidTxId },
            { "empty name", S(name: "  "), BrCodeErrorKind.InvalidMerchantName },
            { "emoji name", S(name: "\U0001F600"), BrCodeErrorKind.InvalidMerchantName },
            { "empty city", S(city: ""), BrCodeErrorKind.InvalidMerchantCity },
            { "info too long", S(info: new string('x', 73)), BrCodeErrorKind.FieldTooLong },
            { "key plus info over 99", S(key: "a-very-long-mailbox-name-for-billing@provedor-de-internet.com.br", info: new string('x', 40)), BrCodeErrorKind.FieldTooLong },
            { "cep 7 digits", S(cep: "8001000"), BrCodeErrorKind.InvalidFieldValue },
            { "mcc letters", S(mcc: "ABCD"), BrCodeErrorKind.InvalidFieldValue },
            { "url with scheme", new BrCodeDynamicRequest { Url = "https://pix.example.com/qr/1", MerchantName = "F", MerchantCity = "R" }, BrCodeErrorKind.InvalidUrl },
            { "url too long", new BrCodeDynamicRequest { Url = "pix.example.com/" + new string('a', 62), MerchantName = "F", MerchantCity = "R" }, BrCodeErrorKind.InvalidUrl },
            { "url with space", new BrCodeDynamicRequest { Url = "pix.example.com/a b", MerchantName = "F", MerchantCity = "R" }, BrCodeErrorKind.InvalidUrl },
        };
    }

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public void Invalid_build_input_is_a_typed_error(string name, BrCodeRequest request, BrCodeErrorKind kind)
    {
        var ex = Assert.Throws<BrCodeException>(() => BrCode.Build(request));
        Assert.True(kind == ex.Kind, $"{name}: expected {kind}, got {ex.Kind}: {ex.Message}");
    }

    [Fact]
    public void Build_rejects_null_request()
    {
        Assert.Throws<ArgumentNullException>(() => BrCode.Build(null!));
    }
}
