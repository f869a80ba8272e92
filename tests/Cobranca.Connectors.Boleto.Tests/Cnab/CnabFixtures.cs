namespace Cobranca.Connectors.Boleto.Tests.Cnab;

/// <summary>The real retorno files (kivanio/brcobranca test fixtures, MIT; see Fixtures/NOTICE.md).</summary>
internal static class CnabFixtures
{
    public const string Bb240 = "CNAB240_BB.RET";
    public const string Sicoob240 = "CNAB240_SICOOB.RET";
    public const string Itau400 = "CNAB400_ITAU.RET";
    public const string Bradesco400 = "CNAB400_BRADESCO.RET";
    public const string BbCbr643 = "CNAB400_BB_CBR643.RET";

    public static readonly string[] All = [Bb240, Sicoob240, Itau400, Bradesco400, BbCbr643];

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Cnab", "Fixtures", name));

    public static string Text(string name) => System.Text.Encoding.Latin1.GetString(Bytes(name));

    public static TheoryData<string> Names() => new(All);
}
