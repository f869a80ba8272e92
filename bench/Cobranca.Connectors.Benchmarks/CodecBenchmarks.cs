using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Cobranca.Connectors.Boleto;
using Cobranca.Connectors.Pix;

namespace Cobranca.Connectors.Benchmarks;

/// <summary>
/// BR Code parse/build and boleto parse against naive string-only implementations (Substring + Dictionary TLV walk,
/// bitwise CRC over a byte array, string concatenation). Run: --filter '*Codec*'.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CodecBenchmarks
{
    private const string BrCodePayload =
        "00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865406100.505802BR5913Fulano de Tal6008BRASILIA62070503***80740014br.gov.bcb.pix2552pix.example.com/rec/2353c790eefb11eaadc10242ac12000263042875";

    private const string Linha = "70790.00118 21193.443609 08458.010868 4 10420000064539";

    private static readonly DateOnly Today = new(2026, 1, 15);

    private static readonly BrCodeStaticRequest Request = new()
    {
        PixKey = "123e4567-e12b-12d1-a456-426655440000",
        MerchantName = "Provedor Exemplo Ltda",
        MerchantCity = "Sao Paulo",
        Amount = 89.90m,
        TxId = "FAT202611ABC",
    };

    [Benchmark(Baseline = true), BenchmarkCategory("BrCodeParse")]
    public decimal? BrCodeParse_NaiveTlv() => NaiveBrCode.Parse(BrCodePayload);

    [Benchmark, BenchmarkCategory("BrCodeParse")]
    public decimal? BrCodeParse_Sdk() => BrCode.Parse(BrCodePayload).Amount;

    [Benchmark(Baseline = true), BenchmarkCategory("BrCodeBuild")]
    public string BrCodeBuild_NaiveConcat() => NaiveBrCode.Build(Request.PixKey, Request.MerchantName, Request.MerchantCity, Request.Amount!.Value, Request.TxId!);

    [Benchmark, BenchmarkCategory("BrCodeBuild")]
    public string BrCodeBuild_Sdk() => BrCode.Build(Request);

    [Benchmark(Baseline = true), BenchmarkCategory("BoletoParse")]
    public decimal BoletoParse_NaiveSubstring() => NaiveBoleto.ParseAmount(Linha);

    [Benchmark, BenchmarkCategory("BoletoParse")]
    public decimal? BoletoParse_Sdk() => BoletoCode.Parse(Linha, Today).Amount;

    /// <summary>A typical hand-written decoder: Substring per field, a dictionary per template, bitwise CRC.</summary>
    private static class NaiveBrCode
    {
        public static decimal? Parse(string payload)
        {
            var crc = Crc(payload[..^4]);
            if (crc != payload[^4..]) throw new FormatException("crc");
            var top = Walk(payload);
            var account = Walk(top["26"]);
            if (!string.Equals(account["00"], "br.gov.bcb.pix", StringComparison.OrdinalIgnoreCase)) throw new FormatException("gui");
            _ = Walk(top["62"]);
            return top.TryGetValue("54", out var amount) ? decimal.Parse(amount, CultureInfo.InvariantCulture) : null;
        }

        public static string Build(string key, string name, string city, decimal amount, string txId)
        {
            var account = Tlv("00", "br.gov.bcb.pix") + Tlv("01", key);
            var body = Tlv("00", "01") + Tlv("26", account) + Tlv("52", "0000") + Tlv("53", "986")
                + Tlv("54", amount.ToString("0.00", CultureInfo.InvariantCulture)) + Tlv("58", "BR") + Tlv("59", name) + Tlv("60", city)
                + Tlv("62", Tlv("05", txId)) + "6304";
            return body + Crc(body);
        }

        private static string Tlv(string id, string value) => id + value.Length.ToString("00", CultureInfo.InvariantCulture) + value;

        private static Dictionary<string, string> Walk(string s)
        {
            var result = new Dictionary<string, string>();
            var i = 0;
            while (i < s.Length)
            {
                var id = s.Substring(i, 2);
                var len = int.Parse(s.Substring(i + 2, 2), CultureInfo.InvariantCulture);
                result[id] = s.Substring(i + 4, len);
                i += 4 + len;
            }
            return result;
        }

        private static string Crc(string text)
        {
            var crc = 0xFFFF;
            foreach (var b in Encoding.UTF8.GetBytes(text))
            {
                crc ^= b << 8;
                for (var bit = 0; bit < 8; bit++) crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x1021) & 0xFFFF : (crc << 1) & 0xFFFF;
            }
            return crc.ToString("X4", CultureInfo.InvariantCulture);
        }
    }

    /// <summary>A typical hand-written linha decoder: strip with LINQ, Substring per field, DV loops over strings.</summary>
    private static class NaiveBoleto
    {
        public static decimal ParseAmount(string linha)
        {
            var d = new string(linha.Where(char.IsDigit).ToArray());
            if (d.Length != 47) throw new FormatException("length");
            if (Mod10(d.Substring(0, 9)) != d[9] - '0' || Mod10(d.Substring(10, 10)) != d[20] - '0' || Mod10(d.Substring(21, 10)) != d[31] - '0')
            {
                throw new FormatException("field dv");
            }
            var barcode = d.Substring(0, 4) + d.Substring(32, 1) + d.Substring(33, 14) + d.Substring(4, 5) + d.Substring(10, 10) + d.Substring(21, 10);
            var sum = 0;
            var weight = 2;
            var body = barcode.Remove(4, 1);
            for (var i = body.Length - 1; i >= 0; i--)
            {
                sum += (body[i] - '0') * weight;
                weight = weight == 9 ? 2 : weight + 1;
            }
            var dv = 11 - (sum % 11);
            if ((dv is 0 or 10 or 11 ? 1 : dv) != barcode[4] - '0') throw new FormatException("dv");
            return long.Parse(barcode.Substring(9, 10), CultureInfo.InvariantCulture) / 100m;
        }

        private static int Mod10(string s)
        {
            var sum = 0;
            for (var i = 0; i < s.Length; i++)
            {
                var p = (s[s.Length - 1 - i] - '0') * (i % 2 == 0 ? 2 : 1);
                sum += (p / 10) + (p % 10);
            }
            return (10 - (sum % 10)) % 10;
        }
    }
}
