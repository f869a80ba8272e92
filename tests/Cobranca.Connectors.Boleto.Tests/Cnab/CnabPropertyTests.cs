using System.Text;
using Cobranca.Connectors.Boleto.Cnab;
using CsCheck;

namespace Cobranca.Connectors.Boleto.Tests.Cnab;

public class CnabPropertyTests
{
    private static readonly char[] Replacements = "0123456789 A-.\u00E7".ToCharArray();

    private static readonly string[] Banks400 = ["001", "237", "341", "756"];

    /// <summary>The trailer fields that carry a record count, title count or total, per layout and bank (1-based inclusive).</summary>
    private static IEnumerable<(int Line, int Start, int End)> CheckedTrailerFields(string[] lines, CnabLayout layout, string bank)
    {
        var last = lines.Length - 1;
        if (layout == CnabLayout.Cnab240)
        {
            var lotTrailer = Array.FindLastIndex(lines, l => l.Length > 7 && l[7] == '5');
            yield return (lotTrailer, 18, 23);   // registros do lote
            yield return (lotTrailer, 24, 29);   // títulos em cobrança simples
            yield return (lotTrailer, 30, 46);   // valor total cobrança simples
            yield return (lotTrailer, 47, 115);  // vinculada, caucionada, descontada (counts and totals)
            yield return (last, 18, 23);         // lotes do arquivo
            yield return (last, 24, 29);         // registros do arquivo
            yield break;
        }
        yield return (last, 395, 400);           // sequential number = record count
        if (bank == "341")
        {
            yield return (last, 213, 220);       // quantidade de detalhes
            yield return (last, 221, 234);       // valor total informado
        }
        else if (bank == "237")
        {
            yield return (last, 58, 62);
            yield return (last, 87, 91);
            yield return (last, 104, 108);
        }
    }

    private static string[] Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');

    private static void AssertEverySingleCharacterCorruptionIsDetected(string text, CnabLayout layout, string bank)
    {
        var lines = Lines(text);
        var width = layout == CnabLayout.Cnab240 ? 240 : 400;
        foreach (var (line, start, end) in CheckedTrailerFields(lines, layout, bank))
        {
            var padded = lines[line].PadRight(width);
            for (var p = start; p <= end; p++)
            {
                foreach (var c in Replacements)
                {
                    if (padded[p - 1] == c) continue;
                    var corrupted = (string[])lines.Clone();
                    corrupted[line] = string.Concat(padded.AsSpan(0, p - 1), c.ToString(), padded.AsSpan(p));
                    var ex = Assert.Throws<CnabRetornoException>(() => CnabRetornoParser.Parse(string.Join("\r\n", corrupted)));
                    Assert.Equal(line + 1, ex.LineNumber);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(CnabFixtures.Names), MemberType = typeof(CnabFixtures))]
    public void Any_single_character_corruption_of_a_trailer_count_or_total_of_a_real_file_is_detected(string name)
    {
        var text = CnabFixtures.Text(name);
        var file = CnabRetornoParser.Parse(text);
        AssertEverySingleCharacterCorruptionIsDetected(text, file.Layout, file.BankCode);
    }

    [Fact]
    public void Any_single_character_corruption_of_a_trailer_count_or_total_of_a_generated_file_is_detected()
    {
        GenFile.Sample(file =>
        {
            AssertEverySingleCharacterCorruptionIsDetected(CnabRetornoWriter.Write(file), file.Layout, file.BankCode);
        }, iter: 12);
    }

    [Fact]
    public void Arbitrary_bytes_never_throw_anything_but_the_typed_exception()
    {
        Gen.Byte.Array[0, 2000].Sample(bytes => ParseOrTypedError(bytes), iter: 3000);
    }

    [Fact]
    public void Random_edits_of_real_and_generated_files_never_throw_anything_but_the_typed_exception()
    {
        var sources = CnabFixtures.All.Select(CnabFixtures.Bytes).ToArray();
        Gen.Select(Gen.Int[0, sources.Length - 1], Gen.Int[1, 8], Gen.Int, Gen.Byte).Sample((index, edits, seed, b) =>
        {
            var bytes = sources[index].ToList();
            var rng = new Random(seed);
            for (var e = 0; e < edits && bytes.Count > 0; e++)
            {
                var at = rng.Next(bytes.Count);
                switch (rng.Next(3))
                {
                    case 0: bytes[at] = (byte)(b ^ rng.Next(256)); break;
                    case 1: bytes.RemoveAt(at); break;
                    default: bytes.Insert(at, (byte)rng.Next(256)); break;
                }
            }
            ParseOrTypedError(bytes.ToArray());
        }, iter: 2000);
    }

    private static void ParseOrTypedError(byte[] bytes)
    {
        try
        {
            var file = CnabRetornoParser.Parse(bytes);
            _ = file.ToPaymentsReceived();
        }
        catch (CnabRetornoException ex)
        {
            Assert.False(string.IsNullOrEmpty(ex.Message));
        }
    }

    [Fact]
    public void Written_files_read_back_to_the_same_movements()
    {
        GenFile.Sample(file =>
        {
            var bytes = CnabRetornoWriter.WriteBytes(file);
            var back = CnabRetornoParser.Parse(bytes);
            Assert.Equal(file.Layout, back.Layout);
            Assert.Equal(file.BankCode, back.BankCode);
            Assert.Equal(file.GeneratedOn, back.GeneratedOn);
            Assert.Equal(file.Movements.Count, back.Movements.Count);
            for (var i = 0; i < file.Movements.Count; i++)
            {
                var a = file.Movements[i];
                var b = back.Movements[i];
                Assert.Equal(a.MovementCode, b.MovementCode);
                Assert.Equal(a.Kind, b.Kind);
                Assert.Equal(a.NossoNumero, b.NossoNumero);
                Assert.Equal(a.OurReference, b.OurReference);
                Assert.Equal(a.DocumentNumber, b.DocumentNumber);
                Assert.Equal(a.DueDate, b.DueDate);
                Assert.Equal(a.FaceValue, b.FaceValue);
                Assert.Equal(a.AmountPaid, b.AmountPaid);
                Assert.Equal(a.Fee, b.Fee);
                Assert.Equal(a.InterestAndFine, b.InterestAndFine);
                Assert.Equal(a.Discount, b.Discount);
                Assert.Equal(a.Rebate, b.Rebate);
                Assert.Equal(a.OccurrenceDate, b.OccurrenceDate);
                Assert.Equal(a.CreditDate, b.CreditDate);
                if (file.Layout == CnabLayout.Cnab240 || file.BankCode == "001") Assert.Equal(a.NetCredited ?? 0m, b.NetCredited);
                if (file.BankCode == "341" && file.Layout == CnabLayout.Cnab400 && a.IsPayment) Assert.Equal(a.AmountPaid - a.Fee, b.NetCredited);
            }
            // Writing what was read gives the same bytes.
            Assert.Equal(bytes, CnabRetornoWriter.WriteBytes(back));
        }, iter: 200);
    }

    // ---- generators ----

    private static readonly Gen<DateOnly> GenDate = Gen.Int[0, 365 * 40].Select(d => new DateOnly(2000, 1, 1).AddDays(d));

    private static readonly Gen<decimal> GenAmount = Gen.Long[0, 999_999_999].Select(c => c / 100m);

    private static readonly Gen<string> GenCode = Gen.OneOfConst("02", "03", "06", "09", "10", "15", "17", "28", "05", "07", "14");

    private static Gen<string?> GenText(int max) =>
        Gen.Frequency((1, Gen.Const((string?)null)), (3, Gen.String[Gen.Char["ABCXYZ0123456789-/"], 1, max].Select(s => (string?)s.Trim('0', ' ')).Select(s => string.IsNullOrEmpty(s) ? null : s)));

    private static Gen<CnabMovement> GenMovement(CnabLayout layout, string bank)
    {
        var (nossoWidth, refWidth) = layout == CnabLayout.Cnab240 ? (20, 25) : bank switch
        {
            "001" => (17, 25),
            "237" => (12, 25),
            "341" => (8, 25),
            _ => (12, 25),
        };
        var feeMax = layout == CnabLayout.Cnab400 && bank is "001" or "756" ? 99_999L : 999_999_999L;
        return Gen.Select(GenCode, Gen.String[Gen.Char['0', '9'], nossoWidth, nossoWidth], GenText(refWidth), GenText(10), GenDate, GenDate, GenDate, GenAmount)
            .SelectMany(t => Gen.Select(GenAmount, Gen.Long[0, feeMax], GenAmount, GenAmount, GenAmount, Gen.Bool).Select(u =>
            {
                var (code, nosso, ourRef, doc, due, occurrence, credit, face) = t;
                var (paid, feeCents, interest, discount, rebate, hasNet) = u;
                var kind = layout == CnabLayout.Cnab240 ? CnabRetornoParser.Febraban240Kind(code) : Cnab400Bank.Find(bank)!.Kind(code);
                var fee = feeCents / 100m;
                if (bank == "341" && layout == CnabLayout.Cnab400 && kind is CnabMovementKind.Paid or CnabMovementKind.PaidAfterWriteOff && paid < fee) paid = fee;
                return new CnabMovement
                {
                    MovementCode = code,
                    Kind = kind,
                    NossoNumero = nosso,
                    OurReference = ourRef,
                    DocumentNumber = doc,
                    DueDate = due,
                    FaceValue = face,
                    AmountPaid = paid,
                    Fee = fee,
                    InterestAndFine = interest,
                    Discount = discount,
                    Rebate = rebate,
                    NetCredited = hasNet ? paid - fee : null,
                    OccurrenceDate = occurrence,
                    CreditDate = credit,
                };
            }));
    }

    private static readonly Gen<CnabRetornoFile> GenFile =
        Gen.Select(Gen.Bool, Gen.OneOfConst(Banks400), GenDate).SelectMany(t =>
        {
            var (is240, bank, generated) = t;
            var layout = is240 ? CnabLayout.Cnab240 : CnabLayout.Cnab400;
            return GenMovement(layout, bank).List[0, 12].Select(movements => new CnabRetornoFile
            {
                Layout = layout,
                BankCode = bank,
                GeneratedOn = generated,
                FileSequence = is240 ? 42 : null,
                Movements = movements.Select(m => new CnabMovement
                {
                    MovementCode = m.MovementCode, Kind = m.Kind, NossoNumero = m.NossoNumero, OurReference = m.OurReference,
                    DocumentNumber = m.DocumentNumber, DueDate = m.DueDate, FaceValue = m.FaceValue, AmountPaid = m.AmountPaid,
                    Fee = m.Fee, InterestAndFine = m.InterestAndFine, Discount = m.Discount, Rebate = m.Rebate,
                    NetCredited = m.NetCredited < 0 ? 0 : m.NetCredited, OccurrenceDate = m.OccurrenceDate, CreditDate = m.CreditDate,
                }).ToList(),
            });
        });
}
