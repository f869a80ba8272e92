using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Abstractions.Tests;

public class PhoneNumberTests
{
    [Theory]
    [InlineData("(79) 99876-5432")]
    [InlineData("79998765432")]
    [InlineData("79 99876 5432")]
    [InlineData("+55 79 998765432")]
    [InlineData("+55 (79) 99876-5432")]
    [InlineData("5579998765432")] // WhatsApp id
    [InlineData("079998765432")] // trunk prefix
    [InlineData("079 99876-5432")]
    [InlineData("0 15 79 99876-5432")] // trunk prefix + carrier code
    [InlineData("01579998765432")]
    [InlineData("(79) 9876-5432")] // mobile written without the ninth digit
    [InlineData("7998765432")]
    [InlineData("+55 79 9876-5432")]
    [InlineData("0 21 79 9876-5432")]
    [InlineData("79.99876.5432")]
    public void Every_documented_form_of_a_mobile_normalises_to_the_same_number(string text)
    {
        var phone = PhoneNumber.Parse(text);
        Assert.Equal(79, phone.Ddd);
        Assert.Equal("998765432", phone.Number);
        Assert.True(phone.IsMobile);
        Assert.Equal("+5579998765432", phone.E164);
        Assert.Equal("(79) 99876-5432", phone.Formatted);
        Assert.Equal("8765-4321".Length, phone.LastEightMasked.Length);
        Assert.Equal("9876-5432", phone.LastEightMasked);
    }

    [Theory]
    [InlineData("(79) 3211-4567")]
    [InlineData("7932114567")]
    [InlineData("+55 79 3211-4567")]
    [InlineData("557932114567")]
    [InlineData("079 3211-4567")]
    [InlineData("0 41 79 3211-4567")]
    public void Landlines_keep_eight_digits(string text)
    {
        var phone = PhoneNumber.Parse(text);
        Assert.Equal(79, phone.Ddd);
        Assert.Equal("32114567", phone.Number);
        Assert.False(phone.IsMobile);
        Assert.Equal("(79) 3211-4567", phone.Formatted);
        Assert.Equal("+557932114567", phone.E164);
    }

    [Fact]
    public void Area_code_55_is_not_mistaken_for_the_country_code()
    {
        var phone = PhoneNumber.Parse("(55) 99876-5432");
        Assert.Equal(55, phone.Ddd);
        Assert.Equal("998765432", phone.Number);
        Assert.Equal(PhoneNumber.Parse("+55 55 99876-5432"), phone);
    }

    [Theory]
    [InlineData("(20) 3211-4567")] // DDD 20 does not exist
    [InlineData("(10) 99876-5432")]
    [InlineData("(23) 99876-5432")]
    [InlineData("(79) 89876-5432")] // nine digits not starting with 9
    [InlineData("(79) 1211-4567")] // landline starting with 1
    [InlineData("(79) 0211-4567")]
    [InlineData("3211-4567")] // no DDD
    [InlineData("+1 (415) 555-0100")] // not Brazilian
    [InlineData("+55 79 99876-54321")]
    [InlineData("abc")]
    [InlineData("79 99876-5432 ramal 2")]
    [InlineData("")]
    [InlineData("   ")]
    public void Invalid_numbers_are_rejected_without_echoing_them(string text)
    {
        Assert.False(PhoneNumber.TryParse(text, out _));
        var ex = Assert.Throws<FormatException>(() => PhoneNumber.Parse(text));
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length >= 6) Assert.DoesNotContain(digits, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mask_and_ToString_hide_the_number()
    {
        var phone = PhoneNumber.Parse("(79) 99876-5432");
        Assert.Equal("(79) *****-5432", phone.Mask());
        Assert.Equal(phone.Mask(), phone.ToString());
        Assert.DoesNotContain("99876", phone.ToString(), StringComparison.Ordinal);
        Assert.Equal("(79) *****-4567", PhoneNumber.Parse("(79) 3211-4567").ToString());
    }

    [Fact]
    public void Default_phone_is_empty_and_does_not_throw()
    {
        PhoneNumber phone = default;
        Assert.Equal(string.Empty, phone.Mask());
        Assert.Equal(string.Empty, phone.E164);
        Assert.Equal(string.Empty, phone.Formatted);
        Assert.Equal(string.Empty, phone.LastEightMasked);
    }

    [Fact]
    public void Equality_is_on_the_normalised_number()
    {
        Assert.True(PhoneNumber.Parse("(79) 9876-5432") == PhoneNumber.Parse("5579998765432"));
        Assert.True(PhoneNumber.Parse("(79) 99876-5432") != PhoneNumber.Parse("(79) 99876-5433"));
        Assert.True(PhoneNumber.Parse("(79) 99876-5432") != PhoneNumber.Parse("(71) 99876-5432"));
    }
}
