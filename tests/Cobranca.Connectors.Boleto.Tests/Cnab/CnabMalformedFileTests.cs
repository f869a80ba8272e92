using System.Text;
using Cobranca.Connectors.Boleto.Cnab;

namespace Cobranca.Connectors.Boleto.Tests.Cnab;

/// <summary>Malformed files: a typed error naming the line, position and field; nothing returned.</summary>
public class CnabMalformedFileTests
{
    private static string[] Lines(string name) =>
        CnabFixtures.Text(name).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');

    private static string Replace(string line, int position, string value) =>
        string.Concat(line.PadRight(position - 1 + value.Length).AsSpan(0, position - 1), value, line.Length > position - 1 + value.Length ? line.AsSpan(position - 1 + value.Length) : "");

    private static CnabRetornoException Fails(IEnumerable<string> lines, CnabRetornoOptions? options = null) =>
        Assert.Throws<CnabRetornoException>(() => CnabRetornoParser.Parse(string.Join("\n", lines), options));

    [Fact]
    public void A_letter_in_valor_pago_names_line_position_and_field()
    {
        var lines = Lines(CnabFixtures.Bb240);
        lines[3] = Replace(lines[3], 85, "X");                   // line 4 = first segment U, valor pago 78–92

        var ex = Fails(lines);

        Assert.Equal(CnabErrorKind.InvalidField, ex.Kind);
        Assert.Equal(4, ex.LineNumber);
        Assert.Equal(85, ex.Position);
        Assert.Equal("valor pago pelo pagador", ex.Field);
        Assert.Contains("Line 4, position 85", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_record_count_in_the_file_trailer_is_a_total_mismatch()
    {
        var lines = Lines(CnabFixtures.Bb240);
        lines[^1] = Replace(lines[^1], 24, "000075");

        var ex = Fails(lines);

        Assert.Equal(CnabErrorKind.TotalMismatch, ex.Kind);
        Assert.Equal(lines.Length, ex.LineNumber);
        Assert.Equal(24, ex.Position);
        Assert.Contains("75", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_segment_u_is_detected_even_when_the_counts_are_fixed()
    {
        var lines = Lines(CnabFixtures.Sicoob240).ToList();
        lines.RemoveAt(3);                                       // first U

        var ex = Fails(lines);

        Assert.Equal(CnabErrorKind.InvalidStructure, ex.Kind);
        Assert.Equal(4, ex.LineNumber);                          // the next T arrives with the wrong sequence number
    }

    [Fact]
    public void A_truncated_file_without_trailer_returns_nothing()
    {
        var lines = Lines(CnabFixtures.Itau400)[..^1];

        Assert.False(CnabRetornoParser.TryParse(Encoding.Latin1.GetBytes(string.Join("\r\n", lines)), out var file, out var error));

        Assert.Null(file);
        Assert.Equal(CnabErrorKind.InvalidStructure, error.Kind);
        Assert.Equal("trailer de arquivo", error.Field);
    }

    [Fact]
    public void A_missing_cnab400_detail_breaks_the_sequence()
    {
        var lines = Lines(CnabFixtures.Itau400).ToList();
        lines.RemoveAt(10);

        var ex = Fails(lines);

        Assert.Equal(CnabErrorKind.TotalMismatch, ex.Kind);
        Assert.Equal(11, ex.LineNumber);
        Assert.Equal(395, ex.Position);
    }

    [Fact]
    public void A_line_longer_than_the_record_is_refused()
    {
        var lines = Lines(CnabFixtures.Itau400);
        lines[1] += "X";

        var ex = Fails(lines);

        Assert.Equal(CnabErrorKind.InvalidLineLength, ex.Kind);
        Assert.Equal(2, ex.LineNumber);
        Assert.Equal(401, ex.Position);
    }

    [Fact]
    public void A_remessa_is_not_a_retorno()
    {
        var cnab400 = Lines(CnabFixtures.Itau400);
        cnab400[0] = "01REMESSA" + cnab400[0][9..];
        Assert.Equal(CnabErrorKind.NotARetorno, Fails(cnab400).Kind);

        var cnab240 = Lines(CnabFixtures.Bb240);
        cnab240[0] = Replace(cnab240[0], 143, "1");
        var ex = Fails(cnab240);
        Assert.Equal(CnabErrorKind.NotARetorno, ex.Kind);
        Assert.Equal(143, ex.Position);
    }

    [Fact]
    public void Unknown_layouts_banks_and_empty_files_are_typed_errors()
    {
        Assert.Equal(CnabErrorKind.Empty, Assert.Throws<CnabRetornoException>(() => CnabRetornoParser.Parse("\r\n\u001A")).Kind);
        Assert.Equal(CnabErrorKind.UnknownLayout, Assert.Throws<CnabRetornoException>(() => CnabRetornoParser.Parse("hello\nworld")).Kind);

        var caixa400 = Lines(CnabFixtures.Itau400);
        caixa400[0] = Replace(caixa400[0], 77, "104");
        var ex = Fails(caixa400);
        Assert.Equal(CnabErrorKind.UnsupportedBank, ex.Kind);
        Assert.Equal(77, ex.Position);

        var bbType1 = Lines(CnabFixtures.BbCbr643);
        bbType1[1] = "1" + bbType1[1][1..];
        Assert.Equal(CnabErrorKind.UnsupportedBank, Fails(bbType1).Kind);
    }

    [Fact]
    public void A_record_of_another_bank_and_an_unexpected_bank_are_bank_mismatches()
    {
        var lines = Lines(CnabFixtures.Bb240);
        lines[5] = Replace(lines[5], 1, "341");
        var ex = Fails(lines);
        Assert.Equal(CnabErrorKind.BankMismatch, ex.Kind);
        Assert.Equal(6, ex.LineNumber);

        var other = Fails(Lines(CnabFixtures.Bb240), new CnabRetornoOptions { ExpectedBankCode = "756" });
        Assert.Equal(CnabErrorKind.BankMismatch, other.Kind);
    }

    [Fact]
    public void Lot_totals_are_checked_when_reported_and_the_check_can_be_turned_off()
    {
        var file = new CnabRetornoFile
        {
            Layout = CnabLayout.Cnab240,
            BankCode = "756",
            Movements =
            [
                new CnabMovement { MovementCode = "06", Kind = CnabMovementKind.Paid, NossoNumero = "123", FaceValue = 10m, AmountPaid = 10m, OccurrenceDate = new DateOnly(2026, 3, 2) },
            ],
        };
        var lines = CnabRetornoWriter.Write(file).TrimEnd().Split("\r\n");
        lines[^2] = Replace(lines[^2], 30, "00000000000009999");     // lot total 99.99 instead of 10.00

        var ex = Fails(lines);
        Assert.Equal(CnabErrorKind.TotalMismatch, ex.Kind);
        Assert.Equal(30, ex.Position);

        var read = CnabRetornoParser.Parse(string.Join("\n", lines), new CnabRetornoOptions { VerifyLotTotals = false });
        Assert.Single(read.Payments);
    }

    [Fact]
    public void A_liquidation_without_any_date_is_refused()
    {
        var lines = Lines(CnabFixtures.Sicoob240);
        lines[3] = Replace(lines[3], 138, "0000000000000000");

        var ex = Fails(lines);

        Assert.Equal(CnabErrorKind.InvalidField, ex.Kind);
        Assert.Equal(138, ex.Position);
    }

    [Fact]
    public void An_impossible_date_names_its_field()
    {
        var lines = Lines(CnabFixtures.Itau400);
        lines[1] = Replace(lines[1], 111, "310213");              // 31 Feb

        var ex = Fails(lines);

        Assert.Equal(CnabErrorKind.InvalidField, ex.Kind);
        Assert.Equal("data de ocorrência", ex.Field);
    }

    [Fact]
    public void The_writer_refuses_values_that_do_not_fit()
    {
        var file = new CnabRetornoFile
        {
            Layout = CnabLayout.Cnab400,
            BankCode = "341",
            Movements = [new CnabMovement { MovementCode = "06", Kind = CnabMovementKind.Paid, NossoNumero = "123456789", OccurrenceDate = new DateOnly(2026, 3, 2) }],
        };
        Assert.Throws<ArgumentException>(() => CnabRetornoWriter.Write(file));
        Assert.Throws<ArgumentException>(() => CnabRetornoWriter.Write(new CnabRetornoFile { Layout = CnabLayout.Cnab400, BankCode = "104", Movements = [] }));
    }
}
