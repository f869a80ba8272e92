namespace Cobranca.Connectors.WhatsApp.Tests;

public sealed class PhoneTests
{
    [Theory]
    [InlineData("(11) 98765-4321", "5511987654321")]
    [InlineData("+55 11 98765-4321", "5511987654321")]
    [InlineData("011 98765-4321", "5511987654321")]
    [InlineData("(31) 9688-3193", "5531996883193")]
    [InlineData("5531996883193", "5531996883193")]
    [InlineData("(79) 3211-4567", "557932114567")]
    [InlineData("+1 650 555 1234", "16505551234")]
    public void Normalize_gives_E164_digits(string input, string expected) => Assert.Equal(expected, WhatsAppPhone.Normalize(input));

    [Theory]
    [InlineData("0055 11 98765-4321")]
    [InlineData("12345")]
    [InlineData("(11) abc")]
    public void Normalize_refuses_what_is_not_a_number_without_echoing_it(string input)
    {
        var error = Assert.Throws<FormatException>(() => WhatsAppPhone.Normalize(input));
        Assert.DoesNotContain(input, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Candidates_cover_both_forms_of_a_brazilian_mobile()
    {
        Assert.Equal(["5531996883193", "553196883193"], WhatsAppPhone.Candidates("5531996883193"));
        Assert.Equal(["5531996883193", "553196883193"], WhatsAppPhone.Candidates("553196883193"));
        Assert.Equal(["557932114567"], WhatsAppPhone.Candidates("(79) 3211-4567")); // a landline has one form
    }

    [Theory]
    [InlineData("553196883193", "(31) 99688-3193")]  // wa_id without the ninth digit, stored mobile with it
    [InlineData("5531996883193", "(31) 9688-3193")]  // and the reverse
    [InlineData("5511987654321", "+55 11 98765-4321")]
    public void The_ninth_digit_matches_in_both_directions(string waId, string stored)
    {
        Assert.True(WhatsAppPhone.Matches(waId, stored));
        Assert.True(WhatsAppPhone.Matches(stored, waId));
        Assert.True(WhatsAppUser.FromWaId(WhatsAppPhone.Normalize(waId)).Matches(WhatsAppUser.FromPhone(stored)));
    }

    [Theory]
    [InlineData("553196883193", "(31) 99688-3194")]
    [InlineData("553196883193", "(32) 99688-3193")]
    [InlineData("557932114567", "(79) 93211-4567")] // a landline does not gain a ninth digit
    public void Different_numbers_do_not_match(string waId, string stored) => Assert.False(WhatsAppPhone.Matches(waId, stored));

    [Fact]
    public void Business_scoped_user_ids_are_identities_without_a_phone()
    {
        var user = WhatsAppUser.FromUserId("BR.1502576394655843");

        Assert.Null(user.WaId);
        Assert.Equal("BR.1502576394655843", user.Key);
        Assert.True(user.Matches(WhatsAppUser.From(null, "BR.1502576394655843")));
        Assert.False(user.Matches(WhatsAppUser.FromPhone("(11) 98765-4321")));
        Assert.Equal("BR.***", user.ToString());
        Assert.Throws<FormatException>(() => WhatsAppUser.FromUserId("5511987654321"));
    }

    [Fact]
    public void Users_and_masks_never_print_the_whole_number()
    {
        Assert.Equal("55 11 *****-4321", WhatsAppUser.FromPhone("(11) 98765-4321").ToString());
        Assert.Equal("55 31 *****-3193", WhatsAppPhone.Mask("553196883193"));
        Assert.DoesNotContain("98765", WhatsAppUser.FromPhone("(11) 98765-4321").ToString(), StringComparison.Ordinal);
    }
}
