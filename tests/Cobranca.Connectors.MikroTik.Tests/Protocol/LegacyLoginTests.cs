using Cobranca.Connectors.MikroTik.Protocol;

namespace Cobranca.Connectors.MikroTik.Tests.Protocol;

public sealed class LegacyLoginTests
{
    [Theory]
    [InlineData("passTest", "abc123", "0021277bff9ac7caf06aa608e46616d47f")] // go-routeros TestLogin
    [InlineData("", "856780b7411eefd3abadee2058c149a3", "005062f7a5ef124d34675bf3e81f56c556")] // MikroTik API page example
    public void Md5_challenge_response_matches_the_reference(string password, string challenge, string expected) =>
        Assert.Equal(expected, LegacyLogin.Response(password, challenge));

    [Fact]
    public void A_non_hex_challenge_is_a_protocol_error() =>
        Assert.Throws<InvalidDataException>(() => LegacyLogin.Response("x", "not-hex"));
}
