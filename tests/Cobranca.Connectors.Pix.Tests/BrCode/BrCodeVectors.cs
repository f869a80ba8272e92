namespace Cobranca.Connectors.Pix.Tests;

/// <summary>The shared verified vectors (tests/vectors/brcode.txt) plus vectors derived for this suite.</summary>
public static class BrCodeVectors
{
    /// <summary>
    /// Derived here, not copied: each payload was assembled field by field from the rules (TLV, BACEN order) by a small
    /// Python script written separately from the C# code, with the CRC taken from <c>binascii.crc_hqx(payload_utf8, 0xFFFF)</c>
    /// (the same script reproduces P1 = 1D3D and P2 = 64E4). CPF 52998224725 and CNPJ 11222333000181 / alphanumeric
    /// CNPJ 12ABC34501DE35 got their check digits from an independent mod-11 routine. D6 is the builder's sanitising
    /// of "João Ção Telecomunicações Ltda ME" / "Maceió" (NFD, marks dropped, cut to 25/15) done in Python.
    /// </summary>
    public static readonly IReadOnlyList<(string Id, string Payload)> Derived =
    [
        ("D1", "00020126330014br.gov.bcb.pix011152998224725520400005303986540589.905802BR5921Provedor Exemplo Ltda6009Sao Paulo62160512FAT202611ABC6304659D"),
        ("D2", "00020126360014br.gov.bcb.pix01141122233300018152040000530398654071234.565802BR5910NET RAPIDA6008CURITIBA61088001000062070503***63043076"),
        ("D3", "00020126600014br.gov.bcb.pix0114+55119876543210220Mensalidade novembro5204000053039865802BR5909Fibra Sul6012Porto Alegre62100506ABC123630434DD"),
        ("D4", "00020126480014br.gov.bcb.pix0126financeiro@provedor.com.br52040000530398654040.015802BR5908Provedor6006Recife62070503***63047D15"),
        ("D5", "00020101021226750014br.gov.bcb.pix2553pix.example.com/cobv/9d36b84fc70b478fb95c12729b90ca255204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***6304662B"),
        ("D6", "00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865406100.005802BR5925Joao Cao Telecomunicacoes6006Maceio62070503***63049921"),
        ("D7", "00020126360014br.gov.bcb.pix011412ABC34501DE35520400005303986540559.995802BR5912Conecta Mais6005Natal62050501X63042120"),
    ];

    public static IReadOnlyList<string[]> SharedRows { get; } = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "vectors", "brcode.txt"))
        .Where(l => l.Length > 0 && !l.StartsWith('#'))
        .Select(l => l.Split('\t'))
        .ToList();

    /// <summary>Every valid payload: shared (P*) and derived (D*).</summary>
    public static IEnumerable<(string Id, string Payload)> AllValid() =>
        SharedRows.Where(r => r[2] != "reject").Select(r => (r[0], r[1])).Concat(Derived);

    public static TheoryData<string> ValidIds()
    {
        var data = new TheoryData<string>();
        foreach (var (id, _) in AllValid()) data.Add(id);
        return data;
    }

    public static string Valid(string id) => AllValid().Single(v => v.Id == id).Payload;

    /// <summary>Bitwise CRC-16/CCITT-FALSE (UTF-8 unless told), written independently of the library's table version.</summary>
    public static string Crc(string text, System.Text.Encoding? encoding = null)
    {
        var crc = 0xFFFF;
        foreach (var b in (encoding ?? System.Text.Encoding.UTF8).GetBytes(text))
        {
            crc ^= b << 8;
            for (var i = 0; i < 8; i++) crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x1021) & 0xFFFF : (crc << 1) & 0xFFFF;
        }
        return crc.ToString("X4");
    }

    /// <summary>Appends "6304" and a correct CRC, so a test can target a rule past the CRC check.</summary>
    public static string WithCrc(string body) => body + "6304" + Crc(body + "6304");

    public static string Tlv(string id, string value) => id + value.Length.ToString("00") + value;
}
