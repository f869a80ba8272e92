using StbImageSharp;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;
using static Cobranca.Connectors.Pix.Tests.BrCodeVectors;

namespace Cobranca.Connectors.Pix.Tests;

/// <summary>
/// The PNG is read back by two independent libraries: StbImageSharp decodes the PNG file into pixels, ZXing.Net finds
/// and decodes the QR symbol in them. Neither shares code with QRCoder, which draws it.
/// </summary>
public sealed class PixQrCodeTests
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private sealed record Decoded(string Text, string? ErrorCorrection, int Width, int Height, byte[] Grey);

    private static Decoded Decode(byte[] png)
    {
        Assert.Equal(PngSignature, png[..8]);
        var image = ImageResult.FromMemory(png, ColorComponents.Grey);
        var source = new RGBLuminanceSource(image.Data, image.Width, image.Height, RGBLuminanceSource.BitmapFormat.Gray8);
        var hints = new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true };
        var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints);
        if (result is null && image.Width < 100)
        {
            // One pixel per module is below what ZXing's finder-pattern detector locates; read it as a pure barcode.
            hints[DecodeHintType.PURE_BARCODE] = true;
            result = new QRCodeReader().decode(new BinaryBitmap(new GlobalHistogramBinarizer(source)), hints);
        }
        Assert.NotNull(result); // null: ZXing found no readable QR code in the pixels
        result.ResultMetadata.TryGetValue(ResultMetadataType.ERROR_CORRECTION_LEVEL, out var level);
        return new Decoded(result.Text, level?.ToString(), image.Width, image.Height, image.Data);
    }

    [Theory]
    [MemberData(nameof(ValidIds), MemberType = typeof(BrCodeVectors))]
    public void Every_valid_vector_decodes_back_to_the_exact_payload(string id)
    {
        var payload = Valid(id);
        var decoded = Decode(PixQrCode.RenderPng(payload));
        Assert.Equal(payload, decoded.Text);
        Assert.Equal("M", decoded.ErrorCorrection); // the default level
    }

    [Fact]
    public void A_sandbox_style_dynamic_code_decodes_back_and_the_white_space_around_it_is_not_encoded()
    {
        var payload = Valid("D5");
        Assert.Equal(payload, Decode(PixQrCode.RenderPng("  " + payload + "\n")).Text);
    }

    [Fact]
    public void A_code_with_accents_round_trips_in_utf8()
    {
        // Accepted with a warning by the parser; its CRC is over the UTF-8 bytes, so the symbol must carry UTF-8.
        var payload = WithCrc("000201" + Tlv("26", "0014br.gov.bcb.pix011152998224725") + "52040000" + "5303986" + "5802BR"
            + Tlv("59", "João Ção") + Tlv("60", "Maceió") + "62070503***");
        var parsed = BrCode.Parse(payload);
        Assert.Contains(BrCodeWarning.NonAsciiCharacters, parsed.Warnings);
        Assert.Equal(payload, Decode(PixQrCode.RenderPng(parsed)).Text);
    }

    [Theory]
    [InlineData(PixQrErrorCorrection.Low, "L")]
    [InlineData(PixQrErrorCorrection.Medium, "M")]
    [InlineData(PixQrErrorCorrection.Quartile, "Q")]
    [InlineData(PixQrErrorCorrection.High, "H")]
    public void The_chosen_error_correction_level_is_the_one_in_the_symbol(PixQrErrorCorrection level, string expected)
    {
        var payload = Valid("D1");
        var decoded = Decode(PixQrCode.RenderPng(payload, new PixQrCodeOptions { ErrorCorrection = level }));
        Assert.Equal(payload, decoded.Text);
        Assert.Equal(expected, decoded.ErrorCorrection);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(10)]
    public void The_image_is_square_a_whole_number_of_modules_with_a_white_quiet_zone_of_four_modules(int pixelsPerModule)
    {
        var payload = Valid("D5");
        var decoded = Decode(PixQrCode.RenderPng(payload, new PixQrCodeOptions { PixelsPerModule = pixelsPerModule }));
        Assert.Equal(payload, decoded.Text);
        Assert.Equal(decoded.Width, decoded.Height);
        Assert.Equal(0, decoded.Width % pixelsPerModule);
        var modules = decoded.Width / pixelsPerModule - 2 * PixQrCodeOptions.QuietZoneModules;
        Assert.Equal(1, (modules - 21) % 4 == 0 ? 1 : 0); // 21 + 4 (version - 1) modules: a real QR symbol size

        var quiet = PixQrCodeOptions.QuietZoneModules * pixelsPerModule;
        for (var y = 0; y < decoded.Height; y++)
        {
            for (var x = 0; x < decoded.Width; x++)
            {
                var inBorder = x < quiet || y < quiet || x >= decoded.Width - quiet || y >= decoded.Height - quiet;
                if (inBorder) Assert.Equal(255, decoded.Grey[y * decoded.Width + x]);
            }
        }
        // The first module inside the quiet zone is the top-left finder pattern's dark corner.
        Assert.Equal(0, decoded.Grey[quiet * decoded.Width + quiet]);
    }

    [Fact]
    public void The_default_size_suits_a_phone_screen()
    {
        var decoded = Decode(PixQrCode.RenderPng(Valid("D5")));
        Assert.InRange(decoded.Width, 400, 700);
    }

    [Fact]
    public void A_longer_code_or_a_higher_level_gives_a_denser_symbol()
    {
        var small = Decode(PixQrCode.RenderPng(Valid("D4"), new PixQrCodeOptions { PixelsPerModule = 1, ErrorCorrection = PixQrErrorCorrection.Low }));
        var large = Decode(PixQrCode.RenderPng(Valid("D4"), new PixQrCodeOptions { PixelsPerModule = 1, ErrorCorrection = PixQrErrorCorrection.High }));
        Assert.True(large.Width > small.Width, $"{large.Width} > {small.Width}");
    }

    [Theory]
    [InlineData("", BrCodeErrorKind.Empty)]
    [InlineData("   ", BrCodeErrorKind.Empty)]
    [InlineData("hello world", BrCodeErrorKind.BadTag)]
    public void Text_that_is_not_a_br_code_is_refused_with_a_typed_error(string text, BrCodeErrorKind kind)
    {
        var ex = Assert.Throws<BrCodeException>(() => PixQrCode.RenderPng(text));
        Assert.Equal(kind, ex.Kind);
    }

    [Fact]
    public void A_code_with_a_wrong_crc_is_never_drawn()
    {
        var payload = Valid("D1");
        var broken = payload[..^4] + (payload[^4..] == "0000" ? "0001" : "0000");
        var ex = Assert.Throws<BrCodeException>(() => PixQrCode.RenderPng(broken));
        Assert.Equal(BrCodeErrorKind.CrcMismatch, ex.Kind);
    }

    [Fact]
    public void An_over_long_payload_is_refused()
    {
        var ex = Assert.Throws<BrCodeException>(() => PixQrCode.RenderPng(new string('0', 513)));
        Assert.Equal(BrCodeErrorKind.TooLong, ex.Kind);
    }

    [Fact]
    public void Null_input_is_an_argument_error()
    {
        Assert.Throws<ArgumentNullException>(() => PixQrCode.RenderPng((string)null!));
        Assert.Throws<ArgumentNullException>(() => PixQrCode.RenderPng((BrCode)null!));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(41)]
    public void A_pixel_size_out_of_range_is_refused_and_named(int pixelsPerModule)
    {
        var ex = Assert.Throws<ArgumentException>(() => PixQrCode.RenderPng(Valid("D1"), new PixQrCodeOptions { PixelsPerModule = pixelsPerModule }));
        Assert.Contains("PixelsPerModule", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_undefined_level_is_refused_and_every_problem_is_listed()
    {
        var options = new PixQrCodeOptions { PixelsPerModule = 0, ErrorCorrection = (PixQrErrorCorrection)9 };
        Assert.Equal(2, options.Validate().Count);
        var ex = Assert.Throws<ArgumentException>(() => PixQrCode.RenderPng(BrCode.Parse(Valid("D1")), options));
        Assert.Contains("PixelsPerModule", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ErrorCorrection", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_code_and_options_give_the_same_bytes()
    {
        Assert.Equal(PixQrCode.RenderPng(Valid("D2")), PixQrCode.RenderPng(Valid("D2")));
    }
}
