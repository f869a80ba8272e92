using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Boleto.Pdf.Tests;

public class BoletoPdfRendererTests
{
    // B14 of the reference vectors (BoletoNetCore test, Daycoval 707, after the 2025 factor reset): verified linha ↔ barcode.
    private const string Line = "70790.00118 21193.443609 08458.010868 4 10420000064539";
    private const string Barcode = "70794104200000645390001121193443600845801086";
    private static readonly DateOnly Due = new(2025, 4, 5);

    // BACEN Manual de Padrões, dynamic BR Code example (P2): what a hybrid boleto's copia-e-cola looks like.
    private const string Pix = "00020101021226700014br.gov.bcb.pix2548pix.example.com/8b3da2f39a4140d1a91abd93113bd4415204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***630464E4";

    private static readonly Document PayerCpf = Document.CpfFromBase("123456789");

    private static BoletoPdfData Data(string? pix = Pix) => new()
    {
        BankName = "Banco Daycoval",
        Beneficiary = new BoletoPdfParty
        {
            Name = "Provedor Exemplo Ltda",
            Document = Document.CnpjFromBase("112223330001"),
            Address = ["Rua das Antenas, 100 — Centro", "Cidade Exemplo/SP — 01000-000"],
        },
        AgencyAndCode = "0001 / 1234567-8",
        Payer = new BoletoPdfParty { Name = "João da Silva", Document = PayerCpf, Address = ["Rua A, 1 — Bairro B", "Cidade C/SP — 02000-000"] },
        Amount = 645.39m,
        DueDate = Due,
        DigitableLine = Line,
        Barcode = Barcode,
        NossoNumero = "112/11934436-0",
        DocumentNumber = "FAT-2025-0042",
        DocumentDate = new DateOnly(2025, 3, 20),
        ProcessingDate = new DateOnly(2025, 3, 20),
        Wallet = "121",
        Instructions = ["Após o vencimento cobrar multa de 2% e juros de 1% ao mês (pro rata die).", "Não receber após 30 dias do vencimento."],
        PixCopiaECola = pix,
    };

    [Fact]
    public void The_text_read_back_has_the_linha_digitavel_the_amount_and_the_due_date()
    {
        var pdf = BoletoPdfRenderer.Render(Data());
        var text = PdfReading.TextWithoutSpaces(pdf);

        Assert.Contains(Line.Replace(" ", "", StringComparison.Ordinal), text, StringComparison.Ordinal);
        Assert.Contains("R$645,39", text, StringComparison.Ordinal);
        Assert.Contains("05/04/2025", text, StringComparison.Ordinal);
        Assert.Contains("707-2", text, StringComparison.Ordinal);
        Assert.Contains("FichadeCompensação", text, StringComparison.Ordinal);
        Assert.Contains("ReciboDoPagador".ToLowerInvariant(), text.ToLowerInvariant(), StringComparison.Ordinal);
        Assert.Contains("Beneficiário", text, StringComparison.Ordinal);
        Assert.Contains("11.222.333/0001-", text, StringComparison.Ordinal);            // beneficiary CNPJ in full
        Assert.Contains(PayerCpf.Mask(), text, StringComparison.Ordinal);               // payer CPF masked as banks print it
        Assert.DoesNotContain(PayerCpf.Value, text, StringComparison.Ordinal);
        Assert.DoesNotContain(PayerCpf.Formatted, text, StringComparison.Ordinal);
    }

    [Fact]
    public void No_two_words_overlap_and_everything_is_on_the_page()
    {
        var pdf = BoletoPdfRenderer.Render(Data());
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        var words = page.GetWords().ToList();
        Assert.NotEmpty(words);
        foreach (var w in words)
        {
            Assert.True(w.BoundingBox.Left >= 0 && w.BoundingBox.Right <= page.Width && w.BoundingBox.Bottom >= 0 && w.BoundingBox.Top <= page.Height, w.Text);
        }
        for (var i = 0; i < words.Count; i++)
        {
            for (var j = i + 1; j < words.Count; j++)
            {
                var a = words[i].BoundingBox;
                var b = words[j].BoundingBox;
                var overlapX = Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left);
                var overlapY = Math.Min(a.Top, b.Top) - Math.Max(a.Bottom, b.Bottom);
                Assert.False(overlapX > 0.5 && overlapY > 0.5, $"'{words[i].Text}' overlaps '{words[j].Text}'");
            }
        }
    }

    [Fact]
    public void The_barcode_drawn_decodes_back_to_the_44_digits()
    {
        var bars = PdfReading.Bars(BoletoPdfRenderer.Render(Data()));

        Assert.Equal(Barcode, PdfReading.DecodeItf(bars));
    }

    [Theory]
    [InlineData("00190000090312855700043832319172884240000010990", "00198842400000109900000003128557004383231917", "2020-10-30", "109.90")] // BB homologation (reference §1.5)
    [InlineData("00190000090312855700000043986173310260000010000", "00193102600000100000000003128557000004398617", "2025-03-20", "100.00")] // BB, post-2025 factor (1026)
    [InlineData("10491.23456 60000.100044 00000.000216 8 69180000010000", "10498691800000100001234560000100040000000021", "2016-09-15", "100.00")] // B1 Caixa
    public void Other_real_boletos_render_and_decode_back(string line, string barcode, string due, string amount)
    {
        var d = Data(pix: null);
        var data = new BoletoPdfData
        {
            BankName = "Banco", Beneficiary = d.Beneficiary, AgencyAndCode = d.AgencyAndCode, Payer = d.Payer, NossoNumero = "1",
            DigitableLine = line, Barcode = barcode, DueDate = DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
            Amount = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture),
        };

        var pdf = BoletoPdfRenderer.Render(data);

        Assert.Equal(barcode, PdfReading.DecodeItf(PdfReading.Bars(pdf)));
        Assert.Contains(BoletoCode.ParseBarcode(barcode, data.DueDate).FormattedDigitableLine.Replace(" ", "", StringComparison.Ordinal),
            PdfReading.TextWithoutSpaces(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public void The_bars_have_the_febraban_dimensions()
    {
        var bars = PdfReading.Bars(BoletoPdfRenderer.Render(Data()));
        var narrow = BoletoPdfRenderer.NarrowBarMillimeters * PdfReading.PointsPerMm;

        // 44 digits: 2 start bars + 22 pairs × 5 bars + 2 stop bars.
        Assert.Equal(114, bars.Count);
        var widths = bars.Select(b => b.Width).ToList();
        Assert.All(widths, w => Assert.True(Math.Abs(w - narrow) < 0.01 || Math.Abs(w - (3 * narrow)) < 0.01, $"bar width {w} pt"));
        var wide = widths.Where(w => w > 1.5 * narrow).Average();
        var thin = widths.Where(w => w < 1.5 * narrow).Average();
        Assert.Equal(3.0, wide / thin, 2);
        Assert.Equal(0.254, thin / PdfReading.PointsPerMm, 3);
        Assert.All(bars, b => Assert.Equal(13.0, b.Height / PdfReading.PointsPerMm, 2));
        // 405 narrow units = 102.87 mm (FEBRABAN: ≈ 103 mm), and nothing else filled within the quiet zones on that strip.
        var symbolWidthMm = (bars[^1].Right - bars[0].Left) / PdfReading.PointsPerMm;
        Assert.Equal(102.87, symbolWidthMm, 2);
        Assert.True(bars[0].Left / PdfReading.PointsPerMm >= BoletoPdfRenderer.QuietZoneMillimeters);
    }

    [Fact]
    public void Corrupting_one_bar_in_the_drawing_no_longer_decodes_to_the_barcode()
    {
        var bars = PdfReading.Bars(BoletoPdfRenderer.Render(Data()));
        var narrow = bars.Min(b => b.Width);
        var index = bars.FindIndex(10, b => b.Width > 2 * narrow);
        bars[index] = new UglyToad.PdfPig.Core.PdfRectangle(bars[index].Left, bars[index].Bottom, bars[index].Left + narrow, bars[index].Top);

        Assert.NotEqual(Barcode, PdfReading.DecodeItf(bars));
    }

    [Fact]
    public void The_pix_qr_code_decodes_to_the_copia_e_cola()
    {
        var pdf = BoletoPdfRenderer.Render(Data());

        Assert.Equal(Pix, PdfReading.DecodeQr(PdfReading.QrModules(pdf)));
        Assert.Contains("PaguecomPix", PdfReading.TextWithoutSpaces(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_pix_there_is_no_qr_code()
    {
        var pdf = BoletoPdfRenderer.Render(Data(pix: null));

        Assert.Empty(PdfReading.QrModules(pdf));
        Assert.DoesNotContain("PaguecomPix", PdfReading.TextWithoutSpaces(pdf), StringComparison.Ordinal);
        Assert.Equal(Barcode, PdfReading.DecodeItf(PdfReading.Bars(pdf)));
    }

    [Fact]
    public void A_linha_of_another_boleto_is_refused()
    {
        var data = Data();
        var other = new BoletoPdfData
        {
            BankName = data.BankName, Beneficiary = data.Beneficiary, AgencyAndCode = data.AgencyAndCode, Payer = data.Payer,
            Amount = data.Amount, DueDate = data.DueDate, NossoNumero = data.NossoNumero, Barcode = Barcode,
            DigitableLine = "70790.00118 21193.443609 08458.010785 2 99630000271112", // B13: valid, another boleto
        };

        var ex = Assert.Throws<BoletoPdfException>(() => BoletoPdfRenderer.Render(other));
        Assert.True(ex.Kind is BoletoPdfErrorKind.LineBarcodeMismatch or BoletoPdfErrorKind.InvalidCode, ex.Kind.ToString());
    }

    [Theory]
    [InlineData("amount")]
    [InlineData("due")]
    [InlineData("dv")]
    [InlineData("payer")]
    [InlineData("pix")]
    public void Inconsistent_or_missing_data_is_a_typed_error(string what)
    {
        var d = Data();
        var data = new BoletoPdfData
        {
            BankName = d.BankName, Beneficiary = d.Beneficiary, AgencyAndCode = d.AgencyAndCode, NossoNumero = d.NossoNumero, Barcode = d.Barcode,
            Payer = what == "payer" ? new BoletoPdfParty { Name = " " } : d.Payer,
            Amount = what == "amount" ? 645.40m : d.Amount,
            DueDate = what == "due" ? Due.AddDays(1) : Due,
            DigitableLine = what == "dv" ? Line.Replace("08458.010868", "08458.010869", StringComparison.Ordinal) : Line,
            PixCopiaECola = what == "pix" ? "0002\n01" : null,
        };

        var ex = Assert.Throws<BoletoPdfException>(() => BoletoPdfRenderer.Render(data));

        var expected = what switch
        {
            "amount" => BoletoPdfErrorKind.AmountMismatch,
            "due" => BoletoPdfErrorKind.DueDateMismatch,
            "dv" => BoletoPdfErrorKind.InvalidCode,
            "payer" => BoletoPdfErrorKind.MissingField,
            _ => BoletoPdfErrorKind.InvalidPixCode,
        };
        Assert.Equal(expected, ex.Kind);
        Assert.DoesNotContain(PayerCpf.Value, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_itf_encoder_follows_the_standard_table()
    {
        // "12": digit 1 (WNNNW) in the bars, digit 2 (NWNNW) in the spaces, between start NNNN and stop WNN.
        var elements = InterleavedTwoOfFive.Elements("12");
        var pattern = string.Concat(elements.Select(w => w ? 'W' : 'N'));
        Assert.Equal("NNNN" + "WNNWNNNNWW" + "WNN", pattern);
        Assert.Equal(405, InterleavedTwoOfFive.Width(44, 3));
        Assert.Throws<ArgumentException>(() => InterleavedTwoOfFive.Elements("123"));
    }

    [Theory]
    [InlineData("001", "001-9")]
    [InlineData("237", "237-2")]
    [InlineData("341", "341-7")]
    [InlineData("756", "756-0")]
    [InlineData("748", "748-X")]
    [InlineData("104", "104-0")]
    [InlineData("077", "077-9")]
    [InlineData("033", "033-7")]
    public void Bank_codes_print_with_their_check_digit(string code, string printed) => Assert.Equal(printed, BankCodes.WithDigit(code));
}
