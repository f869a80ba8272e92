using QRCoder;
using QRCoder.Exceptions;

namespace Cobranca.Connectors.Pix;

/// <summary>
/// Draws a Pix BR Code (copia-e-cola) as a QR code PNG, in process: the payload never leaves the machine (no chart or
/// QR web service, which would see every payer's charge).
/// </summary>
/// <remarks>
/// The payload is validated first (<see cref="BrCode.Parse(string)"/>): an image of a code the payer's bank would
/// refuse is never produced. The symbol carries the payload exactly as parsed (surrounding white space removed):
/// ASCII in byte mode without an ECI header (what every reader expects), a code with non-ASCII characters in UTF-8 with
/// the UTF-8 ECI (the CRC of a BR Code is computed over UTF-8). The PNG is 1-bit greyscale, black on white, with the
/// 4-module quiet zone that ISO/IEC 18004 requires. Thread-safe.
/// </remarks>
public static class PixQrCode
{
    /// <summary>The media type of what <see cref="RenderPng(string, PixQrCodeOptions?)"/> returns.</summary>
    public const string PngContentType = "image/png";

    /// <summary>Validates a BR Code and draws it as a PNG.</summary>
    /// <param name="brCode">The copia-e-cola text.</param>
    /// <param name="options">Size and error correction; the defaults when null.</param>
    /// <returns>The PNG file bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="brCode"/> is null.</exception>
    /// <exception cref="BrCodeException">The text is not a valid BR Code; <see cref="BrCodeException.Kind"/> says why.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid (the message lists every problem).</exception>
    public static byte[] RenderPng(string brCode, PixQrCodeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(brCode);
        ThrowIfInvalid(options);
        return Render(BrCode.Parse(brCode).Payload, options);
    }

    /// <summary>Draws an already parsed BR Code as a PNG.</summary>
    /// <param name="brCode">The parsed code; its <see cref="BrCode.Payload"/> is encoded.</param>
    /// <param name="options">Size and error correction; the defaults when null.</param>
    /// <returns>The PNG file bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="brCode"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid (the message lists every problem).</exception>
    public static byte[] RenderPng(BrCode brCode, PixQrCodeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(brCode);
        ThrowIfInvalid(options);
        return Render(brCode.Payload, options);
    }

    private static void ThrowIfInvalid(PixQrCodeOptions? options)
    {
        if (options?.Validate() is { Count: > 0 } problems)
        {
            throw new ArgumentException("Invalid PixQrCodeOptions: " + string.Join(" ", problems), nameof(options));
        }
    }

    private static byte[] Render(string payload, PixQrCodeOptions? options)
    {
        var pixelsPerModule = options?.PixelsPerModule ?? 10;
        var level = (options?.ErrorCorrection ?? PixQrErrorCorrection.Medium) switch
        {
            PixQrErrorCorrection.Low => QRCodeGenerator.ECCLevel.L,
            PixQrErrorCorrection.Quartile => QRCodeGenerator.ECCLevel.Q,
            PixQrErrorCorrection.High => QRCodeGenerator.ECCLevel.H,
            _ => QRCodeGenerator.ECCLevel.M,
        };
        var ascii = true;
        foreach (var c in payload)
        {
            if (c > '~') { ascii = false; break; }
        }

        try
        {
            using var data = ascii
                ? QRCodeGenerator.GenerateQrCode(payload, level, forceUtf8: false, utf8BOM: false, QRCodeGenerator.EciMode.Default)
                : QRCodeGenerator.GenerateQrCode(payload, level, forceUtf8: true, utf8BOM: false, QRCodeGenerator.EciMode.Utf8);
            using var png = new PngByteQRCode(data);
            return png.GetGraphic(pixelsPerModule, drawQuietZones: true);
        }
        catch (DataTooLongException)
        {
            // Unreachable for a valid BR Code (512 characters fit even at level H); kept typed all the same.
            throw new BrCodeException(BrCodeErrorKind.TooLong, "The BR Code does not fit in a QR code at this error-correction level.");
        }
    }
}
