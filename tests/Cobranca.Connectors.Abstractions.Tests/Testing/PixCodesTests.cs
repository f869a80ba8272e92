using Cobranca.Connectors.Testing;

namespace Cobranca.Connectors.Abstractions.Tests.Testing;

public class PixCodesTests
{
    private static Dictionary<string, string> Vectors() => File.ReadLines(Path.Combine(AppContext.BaseDirectory, "vectors", "brcode.txt"))
        .Where(l => l.Length > 0 && l[0] != '#')
        .Select(l => l.Split('\t'))
        .ToDictionary(f => f[0], f => f[1]);

    [Fact]
    public void Builds_the_verified_static_vector_byte_for_byte()
    {
        var p1 = Vectors()["P1"];
        Assert.Equal(p1, PixCodes.Build("123e4567-e12b-12d1-a456-426655440000", null, "Fulano de Tal", "BRASILIA", "***"));
    }

    [Fact]
    public void Crc_matches_every_valid_vector_and_rejects_the_tampered_one()
    {
        foreach (var (id, payload) in Vectors())
        {
            var crc = PixCodes.Crc16(payload[..^4]).ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
            if (id.StartsWith('P')) Assert.Equal(payload[^4..], crc);
            else Assert.NotEqual(payload[^4..], crc);
        }
        Assert.Equal(0x29B1, PixCodes.Crc16("123456789"));
    }

    [Fact]
    public void Amount_name_and_city_follow_the_emv_rules()
    {
        var code = PixCodes.Build("key", 99.9m, "Provedor São João de Telecomunicações", "São Cristóvão do Sul", "COBRANCA000000020001");
        Assert.Contains("540599.90", code, StringComparison.Ordinal);
        Assert.Contains("5925Provedor Sao Joao de Tele", code, StringComparison.Ordinal);
        Assert.Contains("6015Sao Cristovao d", code, StringComparison.Ordinal);
        Assert.Contains("62240520COBRANCA000000020001", code, StringComparison.Ordinal);
        Assert.All(code, c => Assert.True(c < 128));
    }
}
