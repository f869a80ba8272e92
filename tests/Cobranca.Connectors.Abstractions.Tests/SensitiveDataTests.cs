using Cobranca.Connectors.Abstractions;
using CsCheck;

namespace Cobranca.Connectors.Abstractions.Tests;

public class SensitiveDataTests
{
    public static TheoryData<string, string> Secrets => new()
    {
        // text, the secret that must not survive
        { "cliente 529.982.247-25 não encontrado", "982.247" },
        { "cpf=52998224725&x=1", "52998224725" },
        { "{\"cnpj_cpf\":\"529.982.247-25\"}", "982.247" },
        { "empresa 11.222.333/0001-81", "333/0001" },
        { "{\"cnpj\":\"11222333000181\"}", "11222333000181" },
        { "cnpj 12.ABC.345/01DE-35 (novo)", "345/01DE" },
        { "cnpj 12ABC34501DE35", "12ABC34501DE35" },
        { "cnpj 12abc34501de35", "12abc34501de35" },
        { "{\"token\":\"abc123secret\"}", "abc123secret" },
        { "{\"access_token\": \"eyJhbGciOiJIUzI1NiJ9.payload.sig\"}", "eyJhbGciOiJIUzI1NiJ9" },
        { "{\"accessToken\":\"opaque-token-value\"}", "opaque-token-value" },
        { "{\"senha\":\"hunter2\",\"login\":\"joao\"}", "hunter2" },
        { "{\"password\": \"p@ss\\\"word\"}", "p@ss" },
        { "{\"client_secret\":\"s3cr3t\"}", "s3cr3t" },
        { "{\"clientSecret\":\"s3cr3t\"}", "s3cr3t" },
        { "{\"senha\": 123456789}", "123456789" },
        { "grant_type=client_credentials&client_secret=s3cr3t&scope=cob.read", "s3cr3t" },
        { "https://api.example.com/v1?token=abc123&page=2", "abc123" },
        { "POST /login password=hunter2 user=admin", "hunter2" },
        { "/login =name=admin =password=hunter2", "hunter2" },
        { "/ppp/secret/add =name=joao =password=pppoe123 =profile=default", "pppoe123" },
        { "senha: hunter2", "hunter2" },
        { "api_key=k-12345", "k-12345" },
        { "https://admin:routerpass@10.0.0.1/rest", "routerpass" },
        { "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig", "eyJhbGciOiJIUzI1NiJ9" },
        { "authorization: basic dXNlcjpzZWNyZXQ=", "dXNlcjpzZWNyZXQ=" },
        { "{\"Authorization\":\"Basic dXNlcjpzZWNyZXQ=\"}", "dXNlcjpzZWNyZXQ=" },
        { "headers: {\"Authorization\": \"Bearer abcdefghijklmnop\"}", "abcdefghijklmnop" },
        { "retrying with Bearer abcdefghijklmnopqrstuvwxyz012345", "abcdefghijklmnopqrstuvwxyz012345" },
        { "X-Api-Key: key-123456", "key-123456" },
        { "Cookie: PHPSESSID=abcdef123456", "abcdef123456" },
        { "fone (79) 99876-5432", "99876-5432" },
        { "fone +55 79 99876-5432", "99876-5432" },
        { "whatsapp 5579998765432", "5579998765432" },
        { "fone 79998765432", "79998765432" },
        { "fone 079998765432", "079998765432" },
        { "fone 0 15 79 99876-5432", "99876-5432" },
        { "fixo (79) 3211-4567", "3211-4567" },
        { "{\"telefone_celular\":\"(79) 9876-5432\"}", "9876-5432" },
        { "email joao.silva@example.com", "joao.silva@example.com" },
        { "{\"email\":\"maria+ixc@example.com.br\"}", "maria+ixc" },
        { "chave 123e4567-e89b-12d3-a456-426614174000", "123e4567-e89b" },
        { "{\"chave\":\"joao@example.com\"}", "joao@" },
        { "{\"chave\":\"+5579998765432\"}", "5579998765432" },
    };

    [Theory]
    [MemberData(nameof(Secrets))]
    public void Nothing_sensitive_survives(string text, string secret)
    {
        var redacted = SensitiveData.Redact(text);
        Assert.DoesNotContain(secret, redacted, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(SensitiveData.Placeholder, redacted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Contrato 5001 bloqueado com sucesso")]
    [InlineData("HTTP 503 Service Unavailable")]
    [InlineData("{\"tipo\":\"erro\",\"codigo\":\"113\"}")]
    [InlineData("Bearer token expired")]
    [InlineData("invoice 20001 due 2026-11-10 amount 99.90")]
    public void Ordinary_text_is_left_readable(string text) => Assert.Equal(text, SensitiveData.Redact(text));

    [Fact]
    public void Keeps_the_shape_of_json_and_forms()
    {
        Assert.Equal("{\"token\":\"***\",\"id\":\"5\"}", SensitiveData.Redact("{\"token\":\"abc\",\"id\":\"5\"}"));
        Assert.Equal("{\"senha\": \"***\"}", SensitiveData.Redact("{\"senha\": 1234}"));
        Assert.Equal("a=1&token=***&b=2", SensitiveData.Redact("a=1&token=xyz&b=2"));
        Assert.Equal("Authorization: Bearer ***", SensitiveData.Redact("Authorization: Bearer abc.def.ghi"));
        Assert.Equal("https://***@host/x", SensitiveData.Redact("https://user:pw@host/x"));
    }

    [Fact]
    public void Null_and_empty_pass_through()
    {
        Assert.Null(SensitiveData.Redact(null));
        Assert.Equal(string.Empty, SensitiveData.Redact(string.Empty));
        Assert.Null(SensitiveData.RedactAndTruncate(null));
    }

    [Fact]
    public void RedactAndTruncate_cuts_long_text_after_redacting()
    {
        var body = "cpf 529.982.247-25 " + new string('x', 5000);
        var result = SensitiveData.RedactAndTruncate(body, 100);
        Assert.DoesNotContain("982.247", result, StringComparison.Ordinal);
        Assert.StartsWith("cpf ***", result, StringComparison.Ordinal);
        Assert.EndsWith("(truncated)", result, StringComparison.Ordinal);
        Assert.True(result.Length < 120);
        Assert.Equal("short", SensitiveData.RedactAndTruncate("short", 100));
    }

    [Theory]
    [InlineData("joao.silva@example.com", "j***@e***")]
    [InlineData("+5579998765432", "(79) *****-5432")]
    [InlineData("52998224725", "***.982.247-**")]
    [InlineData("11222333000181", "11.222.***/****-**")]
    [InlineData("123e4567-e89b-12d3-a456-426614174000", "123e***")]
    [InlineData("abc", "***")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void MaskPixKey_masks_every_key_type(string? key, string expected) => Assert.Equal(expected, SensitiveData.MaskPixKey(key));

    [Fact]
    public void MaskSecret_reveals_nothing()
    {
        Assert.Equal("***", SensitiveData.MaskSecret("super-secret-token"));
        Assert.Equal(string.Empty, SensitiveData.MaskSecret(null));
    }

    [Fact]
    public void Any_generated_cpf_cnpj_or_phone_in_any_common_form_is_redacted()
    {
        var prefixes = new[] { "cliente ", "{\"cpf\":\"", "doc=", "(", "erro: ", "" };
        Gen.Select(Gen.Int[1, 999_999_998], Gen.Int[0, 5], Gen.Int[10_000_000, 99_999_999], Gen.Int[0, 5]).Sample(t =>
        {
            var (n, form, tail, prefix) = t;
            var body = n.ToString("000000000", System.Globalization.CultureInfo.InvariantCulture);
            if (body.Distinct().Count() == 1) return;
            var cpf = Document.CpfFromBase(body);
            var cnpj = Document.CnpjFromBase(body[..8] + "0001");
            var phone = PhoneNumber.Parse($"79 9{tail}");
            var (docText, cnpjText, phoneText) = form switch
            {
                0 => (cpf.Formatted, cnpj.Formatted, phone.Formatted),
                1 => (cpf.Value, cnpj.Value, phone.E164),
                2 => (cpf.Formatted, cnpj.Value, "55" + phone.E164[3..]),
                3 => (cpf.Value, cnpj.Formatted, "0" + phone.E164[3..]),
                4 => (cpf.Formatted, cnpj.Formatted.ToLowerInvariant(), $"({phone.Ddd}) {phone.Number[1..5]}-{phone.Number[5..]}"),
                _ => (cpf.Value, cnpj.Value, $"0 15 {phone.Ddd} {phone.Number}"),
            };
            var text = $"{prefixes[prefix]}{docText} e {cnpjText}, fone {phoneText}.";
            var redacted = SensitiveData.Redact(text);
            Assert.DoesNotContain(cpf.Value[3..9], redacted.Replace(".", "", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.DoesNotContain(cnpj.Value[..8], redacted.Replace(".", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(phone.Number[^4..], redacted, StringComparison.Ordinal);
        }, iter: 1000);
    }
}

