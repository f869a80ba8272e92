using CsCheck;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Abstractions.Tests;

public class DocumentTests
{
    // Check digits computed with an independent implementation (mod 11, letters = ASCII - 48). The alphanumeric one
    // is also the example the Receita Federal publishes for IN RFB 2.229/2024 (12.ABC.345/01DE-35).
    [Theory]
    [InlineData("529.982.247-25", "52998224725", DocumentKind.Cpf)]
    [InlineData("52998224725", "52998224725", DocumentKind.Cpf)]
    [InlineData(" 111.444.777-35 ", "11144477735", DocumentKind.Cpf)]
    [InlineData("11.222.333/0001-81", "11222333000181", DocumentKind.Cnpj)]
    [InlineData("11222333000181", "11222333000181", DocumentKind.Cnpj)]
    [InlineData("12.ABC.345/01DE-35", "12ABC34501DE35", DocumentKind.Cnpj)]
    [InlineData("12abc34501de35", "12ABC34501DE35", DocumentKind.Cnpj)]
    [InlineData("A1B2C3D4E5F668", "A1B2C3D4E5F668", DocumentKind.Cnpj)]
    public void Parses_valid_documents_masked_or_bare(string text, string value, DocumentKind kind)
    {
        var document = Document.Parse(text);
        Assert.Equal(value, document.Value);
        Assert.Equal(kind, document.Kind);
        Assert.True(Document.TryParse(text, out var again));
        Assert.Equal(document, again);
    }

    [Theory]
    [InlineData("529.982.247-24")] // wrong second digit
    [InlineData("529.982.247-35")] // wrong first digit
    [InlineData("111.111.111-11")] // repeated digits pass the mod-11 check but are invalid
    [InlineData("00000000000")]
    [InlineData("11.222.333/0001-82")]
    [InlineData("00000000000000")]
    [InlineData("12.ABC.345/01DE-36")]
    [InlineData("12.ABC.345/01DE-3A")] // CNPJ check digits stay numeric
    [InlineData("529.982.247-2A")] // letters in a CPF
    [InlineData("5299822472")] // 10 digits
    [InlineData("529982247251")] // 12 digits
    [InlineData("112223330001811")] // 15 characters
    [InlineData("529_982_247_25")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("...-")]
    public void Rejects_invalid_documents_with_a_message_that_does_not_echo_the_input(string text)
    {
        Assert.False(Document.TryParse(text, out _));
        var ex = Assert.Throws<FormatException>(() => Document.Parse(text));
        var digits = new string(text.Where(char.IsAsciiLetterOrDigit).ToArray());
        if (digits.Length >= 4) Assert.DoesNotContain(digits, ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Null_text_is_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => Document.Parse(null!));
        Assert.False(Document.TryParse(null, out _));
    }

    [Fact]
    public void Formatted_uses_the_official_masks()
    {
        Assert.Equal("529.982.247-25", Document.Parse("52998224725").Formatted);
        Assert.Equal("11.222.333/0001-81", Document.Parse("11222333000181").Formatted);
        Assert.Equal("12.ABC.345/01DE-35", Document.Parse("12abc34501de35").Formatted);
    }

    [Theory]
    [InlineData("52998224725", "***.982.247-**")]
    [InlineData("11222333000181", "11.222.***/****-**")]
    [InlineData("12ABC34501DE35", "12.ABC.***/****-**")]
    public void Mask_and_ToString_never_show_the_whole_document(string text, string masked)
    {
        var document = Document.Parse(text);
        Assert.Equal(masked, document.Mask());
        Assert.Equal(masked, document.ToString());
        Assert.Equal(masked, $"{document}");
        Assert.DoesNotContain(document.Value, document.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(document.Formatted, document.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Default_document_is_empty_and_does_not_throw()
    {
        Document document = default;
        Assert.Equal(string.Empty, document.Value);
        Assert.Equal(string.Empty, document.Formatted);
        Assert.Equal(string.Empty, document.Mask());
        Assert.Equal(string.Empty, document.ToString());
    }

    [Fact]
    public void Equality_ignores_the_mask()
    {
        Assert.Equal(Document.Parse("529.982.247-25"), Document.Parse("52998224725"));
        Assert.True(Document.Parse("529.982.247-25") == Document.Parse("52998224725"));
        Assert.True(Document.Parse("529.982.247-25") != Document.Parse("111.444.777-35"));
        Assert.Equal(Document.Parse("529.982.247-25").GetHashCode(), Document.Parse("52998224725").GetHashCode());
    }

    [Fact]
    public void CpfFromBase_computes_the_check_digits()
    {
        Assert.Equal("52998224725", Document.CpfFromBase("529982247").Value);
        Assert.Equal("11144477735", Document.CpfFromBase("111444777").Value);
        Assert.Throws<FormatException>(() => Document.CpfFromBase("12345678"));
        Assert.Throws<FormatException>(() => Document.CpfFromBase("12345678A"));
        Assert.Throws<FormatException>(() => Document.CpfFromBase("111111111")); // repeated digits stay invalid
    }

    [Fact]
    public void CnpjFromBase_computes_the_check_digits_including_alphanumeric()
    {
        Assert.Equal("11222333000181", Document.CnpjFromBase("112223330001").Value);
        Assert.Equal("12ABC34501DE35", Document.CnpjFromBase("12abc34501de").Value);
        Assert.Throws<FormatException>(() => Document.CnpjFromBase("12ABC34501D"));
        Assert.Throws<FormatException>(() => Document.CnpjFromBase("12ABC34501D-"));
    }

    [Fact]
    public void Every_generated_cpf_round_trips_and_a_changed_digit_is_caught()
    {
        Gen.Int[0, 999_999_999].Sample(n =>
        {
            var body = n.ToString("000000000");
            if (body.Distinct().Count() == 1) return;
            var cpf = Document.CpfFromBase(body);
            Assert.Equal(cpf, Document.Parse(cpf.Formatted));
            var last = cpf.Value[10] - '0';
            var tampered = cpf.Value[..10] + (char)('0' + (last + 1) % 10);
            Assert.False(Document.TryParse(tampered, out _));
        }, iter: 500);
    }
}
