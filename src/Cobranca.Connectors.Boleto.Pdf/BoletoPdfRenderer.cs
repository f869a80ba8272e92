using System.Globalization;
using Cobranca.Connectors.Abstractions;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace Cobranca.Connectors.Boleto.Pdf;

/// <summary>
/// Renders a boleto bancário as a one-page A4 PDF: the recibo do pagador (top, with the Pix QR code of a hybrid
/// boleto) and the ficha de compensação (bottom) with its Interleaved 2 of 5 barcode drawn as vector bars at the
/// FEBRABAN dimensions (<see cref="NarrowBarMillimeters"/>, <see cref="WideToNarrowRatio"/>,
/// <see cref="BarHeightMillimeters"/>, <see cref="QuietZoneMillimeters"/>). Prefer the bank's own PDF when it serves one.
/// </summary>
public static class BoletoPdfRenderer
{
    /// <summary>Width of a narrow bar or space: 0.254 mm (1/100 inch), so that 44 digits make the 103 mm symbol FEBRABAN specifies.</summary>
    public const double NarrowBarMillimeters = 0.254;

    /// <summary>Wide to narrow ratio: 3 (FEBRABAN allows 2.25 to 3).</summary>
    public const double WideToNarrowRatio = 3.0;

    /// <summary>Bar height: 13 mm.</summary>
    public const double BarHeightMillimeters = 13.0;

    /// <summary>Minimum blank margin on each side of the barcode: 5 mm (the renderer leaves more).</summary>
    public const double QuietZoneMillimeters = 5.0;

    /// <summary>Left edge of the barcode on the page, mm (nothing is printed to its left on that strip).</summary>
    internal const double BarcodeLeft = 12.0;

    /// <summary>Top of the barcode on the page, mm.</summary>
    internal const double BarcodeTop = 214.0;

    private const double QrSize = 32.0;
    private static readonly CultureInfo PtBr = CultureInfo.GetCultureInfo("pt-BR");

    /// <summary>Validates and renders the boleto.</summary>
    /// <param name="data">What to print.</param>
    /// <returns>The PDF file's bytes.</returns>
    /// <exception cref="BoletoPdfException">Missing field, invalid or inconsistent linha/barcode/amount/due date or Pix code.</exception>
    /// <exception cref="InvalidOperationException">No font: see <see cref="BoletoPdfFonts"/>.</exception>
    public static byte[] Render(BoletoPdfData data)
    {
        using var output = new MemoryStream();
        Render(data, output);
        return output.ToArray();
    }

    /// <summary>Validates and renders the boleto into <paramref name="output"/>.</summary>
    /// <param name="data">What to print.</param>
    /// <param name="output">Receives the PDF file.</param>
    /// <exception cref="BoletoPdfException">Missing field, invalid or inconsistent linha/barcode/amount/due date or Pix code.</exception>
    /// <exception cref="InvalidOperationException">No font: see <see cref="BoletoPdfFonts"/>.</exception>
    public static void Render(BoletoPdfData data, Stream output)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(output);
        var code = Validate(data);
        BoletoFontResolver.EnsureInstalled();

        using var document = new PdfDocument();
        document.Info.Title = "Boleto " + data.NossoNumero;
        document.Info.Creator = "Cobranca.Connectors.Boleto.Pdf";
        var page = document.AddPage();
        page.Width = XUnit.FromMillimeter(210);
        page.Height = XUnit.FromMillimeter(297);
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            new Painter(gfx, data, code).Paint();
        }
        document.Save(output, closeStream: false);
    }

    private static BoletoCode Validate(BoletoPdfData data)
    {
        Require(data.BankName, nameof(data.BankName));
        Require(data.Beneficiary?.Name, "Beneficiary.Name");
        Require(data.Payer?.Name, "Payer.Name");
        Require(data.AgencyAndCode, nameof(data.AgencyAndCode));
        Require(data.NossoNumero, nameof(data.NossoNumero));
        Require(data.DigitableLine, nameof(data.DigitableLine));
        Require(data.Barcode, nameof(data.Barcode));
        BoletoCode line, barcode;
        try
        {
            line = BoletoCode.ParseLinhaDigitavel(data.DigitableLine, data.DueDate);
            barcode = BoletoCode.ParseBarcode(data.Barcode, data.DueDate);
        }
        catch (BoletoException ex)
        {
            throw new BoletoPdfException(BoletoPdfErrorKind.InvalidCode, $"Invalid boleto code ({ex.Kind}): {ex.Message}", ex);
        }
        if (line.Kind != BoletoKind.Bank || barcode.Kind != BoletoKind.Bank)
        {
            throw new BoletoPdfException(BoletoPdfErrorKind.InvalidCode, "An arrecadação code (starting with 8) is not a boleto bancário.");
        }
        if (!string.Equals(line.Barcode, barcode.Barcode, StringComparison.Ordinal))
        {
            throw new BoletoPdfException(BoletoPdfErrorKind.LineBarcodeMismatch, "The linha digitável and the barcode describe different boletos.");
        }
        if (barcode.Amount is { } amount && amount != data.Amount)
        {
            throw new BoletoPdfException(BoletoPdfErrorKind.AmountMismatch,
                string.Create(CultureInfo.InvariantCulture, $"The amount {data.Amount:0.00} differs from the barcode's {amount:0.00}."));
        }
        if (barcode.DueDate is { } due && due != data.DueDate)
        {
            throw new BoletoPdfException(BoletoPdfErrorKind.DueDateMismatch,
                string.Create(CultureInfo.InvariantCulture, $"The due date {data.DueDate:yyyy-MM-dd} differs from the barcode's {due:yyyy-MM-dd}."));
        }
        if (data.PixCopiaECola is { } pix && (string.IsNullOrWhiteSpace(pix) || pix.Length > 512 || pix.Any(char.IsControl)))
        {
            throw new BoletoPdfException(BoletoPdfErrorKind.InvalidPixCode, "The Pix copia-e-cola is blank, longer than 512 characters or has control characters.");
        }
        return barcode;
    }

    private static void Require(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new BoletoPdfException(BoletoPdfErrorKind.MissingField, $"{field} is required.");
    }

    internal static string Money(decimal amount) => "R$ " + amount.ToString("N2", PtBr);

    internal static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    internal static string PrintedDocument(Document? document, bool mask) => document is not { } d || d.Value.Length == 0
        ? string.Empty
        : (d.Kind == DocumentKind.Cpf ? "CPF " : "CNPJ ") + (mask && d.Kind == DocumentKind.Cpf ? d.Mask() : d.Formatted);

    /// <summary>Draws one boleto; coordinates in millimetres from the top-left corner.</summary>
    private sealed class Painter(XGraphics gfx, BoletoPdfData data, BoletoCode code)
    {
        private static readonly XPen Thin = new(XColors.Black, 0.5);
        private static readonly XPen Thick = new(XColors.Black, 1.2);
        private static readonly XPen Dashed = new(XColors.Black, 0.5) { DashStyle = XDashStyle.Dash };
        private readonly XFont _label = new(BoletoFontResolver.Family, 5.5, XFontStyleEx.Regular);
        private readonly XFont _value = new(BoletoFontResolver.Family, 8, XFontStyleEx.Regular);
        private readonly XFont _valueBold = new(BoletoFontResolver.Family, 8, XFontStyleEx.Bold);
        private readonly XFont _small = new(BoletoFontResolver.Family, 6, XFontStyleEx.Regular);
        private readonly XFont _bank = new(BoletoFontResolver.Family, 10, XFontStyleEx.Bold);
        private readonly XFont _bankCode = new(BoletoFontResolver.Family, 13, XFontStyleEx.Bold);
        private readonly XFont _line = new(BoletoFontResolver.Family, 9, XFontStyleEx.Bold);

        private static double P(double mm) => mm * 72 / 25.4;

        private string BankCode => data.BankCodeWithDigit ?? BankCodes.WithDigit(code.BankCode!);

        private string Beneficiary => Join(data.Beneficiary.Name, PrintedDocument(data.Beneficiary.Document, mask: false));

        private string Payer => Join(data.Payer.Name, PrintedDocument(data.Payer.Document, mask: true));

        private static string Join(string name, string document) => document.Length == 0 ? name : $"{name} — {document}";

        public void Paint()
        {
            Receipt(10);
            gfx.DrawLine(Dashed, P(10), P(104), P(200), P(104));
            Text("Corte na linha pontilhada", _label, 200, 104.6, XStringFormats.TopRight);
            Slip(108);
            Barcode();
        }

        private void Header(double y, string right, XFont rightFont)
        {
            Text(Fit(data.BankName, _bank, 38), _bank, 10, y + 3);
            gfx.DrawLine(Thick, P(50), P(y + 1), P(50), P(y + 9));
            Text(BankCode, _bankCode, 59, y + 2.4, XStringFormats.TopCenter);
            gfx.DrawLine(Thick, P(68), P(y + 1), P(68), P(y + 9));
            Text(Fit(right, rightFont, 130), rightFont, 200, y + 3.4, XStringFormats.TopRight);
            gfx.DrawLine(Thick, P(10), P(y + 9), P(200), P(y + 9));
        }

        private void Receipt(double top)
        {
            Header(top, "Recibo do Pagador", _valueBold);
            var y = top + 9;
            Row(y, 8, ("Beneficiário", Beneficiary, 10, 140, false), ("Vencimento", Date(data.DueDate), 140, 200, true));
            y += 8;
            Row(y, 8, ("Endereço do beneficiário", string.Join(" — ", data.Beneficiary.Address.Take(2)), 10, 140, false),
                ("Agência / Código do beneficiário", data.AgencyAndCode, 140, 200, true));
            y += 8;
            Row(y, 8, ("Pagador", Payer, 10, 140, false), ("Nosso número", data.NossoNumero, 140, 200, true));
            y += 8;
            Row(y, 8, ("Nº do documento", data.DocumentNumber ?? string.Empty, 10, 75, false),
                ("Data do documento", Date(data.DocumentDate ?? ProcessingDate), 75, 140, false),
                ("(=) Valor do documento", Money(data.Amount), 140, 200, true));
            y += 8;
            Label("Linha digitável", 10, y);
            Text(code.FormattedDigitableLine, _valueBold, 11, y + 2.6);
            gfx.DrawLine(Thin, P(10), P(y + 8), P(200), P(y + 8));
            y += 8;
            var textRight = data.PixCopiaECola is null ? 200 : 150;
            Label("Instruções", 10, y);
            var lineY = y + 2.6;
            foreach (var instruction in Wrap(data.Instructions, _value, textRight - 12).Take(4))
            {
                Text(instruction, _value, 11, lineY);
                lineY += 3.4;
            }
            if (data.PixCopiaECola is { } pix)
            {
                Text("Pague com Pix", _valueBold, 176, y + 0.5, XStringFormats.TopCenter);
                Qr(pix, 176 - (QrSize / 2), y + 4);
                lineY = Math.Max(lineY, y + 17);
                Label("Pix copia e cola", 10, lineY);
                lineY += 2.4;
                foreach (var chunk in WrapChars(pix, _small, textRight - 12).Take(5))
                {
                    Text(chunk, _small, 11, lineY);
                    lineY += 2.6;
                }
            }
            Text("Autenticação mecânica", _label, 200, 99, XStringFormats.TopRight);
        }

        private DateOnly ProcessingDate => data.ProcessingDate ?? BrazilTime.Today(TimeProvider.System);

        private void Slip(double top)
        {
            Header(top, code.FormattedDigitableLine, _line);
            var y = top + 9;
            Row(y, 9, ("Local de pagamento", data.PaymentPlace, 10, 150, false), ("Vencimento", Date(data.DueDate), 150, 200, true));
            y += 9;
            Label("Beneficiário", 10, y);
            Text(Fit(Beneficiary, _value, 138), _value, 11, y + 2.4);
            Text(Fit(string.Join(" — ", data.Beneficiary.Address.Take(2)), _small, 138), _small, 11, y + 6);
            Cell(150, 200, y, "Agência / Código do beneficiário", data.AgencyAndCode, true);
            VLine(150, y, y + 11);
            HLine(y + 11);
            y += 11;
            Row(y, 8,
                ("Data do documento", Date(data.DocumentDate ?? ProcessingDate), 10, 40, false),
                ("Nº do documento", data.DocumentNumber ?? string.Empty, 40, 75, false),
                ("Espécie doc.", data.DocumentKind, 75, 95, false),
                ("Aceite", "N", 95, 110, false),
                ("Data processamento", Date(ProcessingDate), 110, 150, false),
                ("Nosso número", data.NossoNumero, 150, 200, true));
            y += 8;
            Row(y, 8,
                ("Uso do banco", string.Empty, 10, 40, false),
                ("Carteira", data.Wallet ?? string.Empty, 40, 60, false),
                ("Espécie", "R$", 60, 75, false),
                ("Quantidade", string.Empty, 75, 110, false),
                ("Valor", string.Empty, 110, 150, false),
                ("(=) Valor do documento", Money(data.Amount), 150, 200, true));
            y += 8;
            Label("Instruções (texto de responsabilidade do beneficiário)", 10, y);
            var lineY = y + 3;
            foreach (var instruction in Wrap(data.Instructions, _value, 136).Take(6))
            {
                Text(instruction, _value, 11, lineY);
                lineY += 3.6;
            }
            string[] right = ["(-) Desconto / Abatimento", "(-) Outras deduções", "(+) Mora / Multa", "(+) Outros acréscimos", "(=) Valor cobrado"];
            for (var i = 0; i < right.Length; i++)
            {
                var cy = y + (i * 8);
                Label(right[i], 151, cy);
                if (i < right.Length - 1) gfx.DrawLine(Thin, P(150), P(cy + 8), P(200), P(cy + 8));
            }
            VLine(150, y, y + 40);
            HLine(y + 40);
            y += 40;
            Label("Pagador", 10, y);
            Text(Fit(Payer, _value, 188), _value, 11, y + 2.4);
            Text(Fit(string.Join(" — ", data.Payer.Address.Take(2)), _small, 188), _small, 11, y + 6);
            Label("Sacador / Avalista", 10, y + 10);
            HLine(y + 14, Thick);
            Text("Autenticação mecânica — Ficha de Compensação", _label, 200, y + 14.6, XStringFormats.TopRight);
        }

        private void Barcode()
        {
            foreach (var (x, width) in InterleavedTwoOfFive.Bars(code.Barcode, NarrowBarMillimeters, WideToNarrowRatio))
            {
                gfx.DrawRectangle(XBrushes.Black, P(BarcodeLeft + x), P(BarcodeTop), P(width), P(BarHeightMillimeters));
            }
        }

        private void Qr(string payload, double left, double top)
        {
            using var generator = new QRCodeGenerator();
            using var qr = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
            var matrix = qr.ModuleMatrix; // includes the 4-module quiet zone
            var module = QrSize / matrix.Count;
            for (var row = 0; row < matrix.Count; row++)
            {
                var bits = matrix[row];
                var col = 0;
                while (col < bits.Length)
                {
                    if (!bits[col])
                    {
                        col++;
                        continue;
                    }
                    var start = col;
                    while (col < bits.Length && bits[col]) col++;
                    gfx.DrawRectangle(XBrushes.Black, P(left + (start * module)), P(top + (row * module)), P((col - start) * module), P(module));
                }
            }
        }

        private void Row(double y, double height, params (string Label, string Value, double X1, double X2, bool Right)[] cells)
        {
            foreach (var (label, value, x1, x2, right) in cells)
            {
                Cell(x1, x2, y, label, value, right);
                if (x1 > 10) VLine(x1, y, y + height);
            }
            HLine(y + height);
        }

        private void Cell(double x1, double x2, double y, string label, string value, bool right)
        {
            Label(label, x1 + 1, y);
            var text = Fit(value, _value, x2 - x1 - 2);
            if (right) Text(text, _valueBold, x2 - 1, y + 3, XStringFormats.TopRight);
            else Text(text, _value, x1 + 1, y + 3);
        }

        private void Label(string text, double x, double y) => Text(text, _label, x, y + 0.6);

        private void HLine(double y, XPen? pen = null) => gfx.DrawLine(pen ?? Thin, P(10), P(y), P(200), P(y));

        private void VLine(double x, double y1, double y2) => gfx.DrawLine(Thin, P(x), P(y1), P(x), P(y2));

        private void Text(string text, XFont font, double x, double y, XStringFormat? format = null)
        {
            if (text.Length == 0) return;
            format ??= XStringFormats.TopLeft;
            gfx.DrawString(text, font, XBrushes.Black, new XPoint(P(x), P(y)), format);
        }

        /// <summary>Cuts <paramref name="text"/> with an ellipsis to fit <paramref name="widthMm"/>.</summary>
        private string Fit(string text, XFont font, double widthMm)
        {
            if (gfx.MeasureString(text, font).Width <= P(widthMm)) return text;
            var length = text.Length;
            while (length > 1 && gfx.MeasureString(text[..length] + "…", font).Width > P(widthMm)) length--;
            return text[..length] + "…";
        }

        private IEnumerable<string> Wrap(IEnumerable<string> paragraphs, XFont font, double widthMm)
        {
            foreach (var paragraph in paragraphs)
            {
                var line = string.Empty;
                foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var candidate = line.Length == 0 ? word : line + " " + word;
                    if (line.Length > 0 && gfx.MeasureString(candidate, font).Width > P(widthMm))
                    {
                        yield return line;
                        line = word;
                    }
                    else
                    {
                        line = candidate;
                    }
                }
                if (line.Length > 0) yield return Fit(line, font, widthMm);
            }
        }

        /// <summary>Splits a text without spaces (the Pix copia-e-cola) into lines that fit.</summary>
        private IEnumerable<string> WrapChars(string text, XFont font, double widthMm)
        {
            var start = 0;
            while (start < text.Length)
            {
                var length = 1;
                while (start + length < text.Length && gfx.MeasureString(text.Substring(start, length + 1), font).Width <= P(widthMm)) length++;
                yield return text.Substring(start, length);
                start += length;
            }
        }
    }
}
