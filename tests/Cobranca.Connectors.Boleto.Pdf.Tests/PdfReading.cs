using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using ZXing;
using ZXing.Common;
using ZXing.OneD;
using ZXing.QrCode;

namespace Cobranca.Connectors.Boleto.Pdf.Tests;

/// <summary>Reads a rendered PDF back: its text (PdfPig), its filled rectangles (PdfPig paths), rasterised and decoded (ZXing.Net).</summary>
internal static class PdfReading
{
    public const double PointsPerMm = 72 / 25.4;

    public static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Concat(document.GetPages().SelectMany(p => p.Letters).Select(l => l.Value));
    }

    public static string TextWithoutSpaces(byte[] pdf) => new(Text(pdf).Where(c => !char.IsWhiteSpace(c)).ToArray());

    public static List<PdfRectangle> FilledRectangles(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        var rectangles = new List<PdfRectangle>();
        foreach (var path in page.Paths.Where(p => p.IsFilled))
        {
            foreach (var subpath in path)
            {
                if (subpath.GetBoundingRectangle() is { } r) rectangles.Add(r);
            }
        }
        return rectangles;
    }

    /// <summary>The barcode's bars: filled rectangles taller than 30 pt, left to right.</summary>
    public static List<PdfRectangle> Bars(byte[] pdf) => FilledRectangles(pdf).Where(r => r.Height > 30).OrderBy(r => r.Left).ToList();

    /// <summary>The QR code's module runs: filled rectangles lower than 10 pt.</summary>
    public static List<PdfRectangle> QrModules(byte[] pdf) => FilledRectangles(pdf).Where(r => r.Height < 10).ToList();

    /// <summary>Rasterises the bars (<paramref name="pixelsPerNarrow"/> pixels for the narrowest bar) with a quiet zone and decodes them as ITF.</summary>
    public static string? DecodeItf(IReadOnlyList<PdfRectangle> bars, double pixelsPerNarrow = 4)
    {
        var pixelsPerPoint = pixelsPerNarrow / bars.Min(b => b.Width);
        var left = bars.Min(b => b.Left);
        var right = bars.Max(b => b.Right);
        const int quiet = 60;
        const int height = 20;
        var width = (int)Math.Ceiling((right - left) * pixelsPerPoint) + (2 * quiet);
        var pixels = Enumerable.Repeat((byte)255, width * height).ToArray();
        foreach (var bar in bars)
        {
            var x0 = quiet + (int)Math.Round((bar.Left - left) * pixelsPerPoint);
            var x1 = quiet + (int)Math.Round((bar.Right - left) * pixelsPerPoint);
            for (var y = 0; y < height; y++)
            {
                for (var x = x0; x < x1; x++) pixels[(y * width) + x] = 0;
            }
        }
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(pixels, width, height, RGBLuminanceSource.BitmapFormat.Gray8)));
        var hints = new Dictionary<DecodeHintType, object> { [DecodeHintType.ALLOWED_LENGTHS] = new[] { 44 }, [DecodeHintType.TRY_HARDER] = true };
        try
        {
            return new ITFReader().decode(bitmap, hints)?.Text;
        }
        catch (ReaderException)
        {
            return null;
        }
    }

    /// <summary>Rasterises the QR module runs (each module 8 pixels, 4-module quiet zone) and decodes them.</summary>
    public static string? DecodeQr(IReadOnlyList<PdfRectangle> modules)
    {
        var moduleSize = modules.Min(m => m.Height);
        var left = modules.Min(m => m.Left);
        var bottom = modules.Min(m => m.Bottom);
        var count = (int)Math.Round((modules.Max(m => m.Right) - left) / moduleSize);
        const int scale = 8;
        var size = (count + 8) * scale;
        var pixels = Enumerable.Repeat((byte)255, size * size).ToArray();
        foreach (var m in modules)
        {
            var c0 = (int)Math.Round((m.Left - left) / moduleSize);
            var c1 = (int)Math.Round((m.Right - left) / moduleSize);
            var row = count - 1 - (int)Math.Round((m.Bottom - bottom) / moduleSize); // PDF y grows upwards
            for (var c = c0; c < c1; c++)
            {
                for (var dy = 0; dy < scale; dy++)
                {
                    for (var dx = 0; dx < scale; dx++)
                    {
                        pixels[(((row + 4) * scale) + dy) * size + ((c + 4) * scale) + dx] = 0;
                    }
                }
            }
        }
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(pixels, size, size, RGBLuminanceSource.BitmapFormat.Gray8)));
        try
        {
            return new QRCodeReader().decode(bitmap, new Dictionary<DecodeHintType, object> { [DecodeHintType.PURE_BARCODE] = true })?.Text;
        }
        catch (ReaderException)
        {
            return null;
        }
    }
}
