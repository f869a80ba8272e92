using Cobranca.Connectors.Ixc.Internal;

namespace Cobranca.Connectors.Ixc.Tests;

/// <summary>get_pix's copia-e-cola is only accepted with a valid CRC16; checked against the project's verified vectors.</summary>
public sealed class BrCodeCrcTests
{
    public static TheoryData<string, string, string> Vectors()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var line in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "vectors", "brcode.txt")))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split('\t');
            data.Add(parts[0], parts[1], parts[2]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Crc_check_matches_the_verified_vectors(string id, string payload, string expected)
    {
        Assert.Equal(expected != "reject", BrCodeCrc.IsValid(payload));
        if (expected != "reject") Assert.Equal(expected, BrCodeCrc.Compute(payload.AsSpan(0, payload.Length - 4)));
        Assert.NotEmpty(id);
    }
}
