namespace Cobranca.Connectors.Pix;

/// <summary>How <see cref="PixQrCode"/> draws a BR Code. A bindable POCO; the defaults suit phone scanning.</summary>
public sealed class PixQrCodeOptions
{
    /// <summary>The smallest accepted <see cref="PixelsPerModule"/>.</summary>
    public const int MinPixelsPerModule = 1;

    /// <summary>The largest accepted <see cref="PixelsPerModule"/> (a version-40 symbol is then about 7,000 px wide).</summary>
    public const int MaxPixelsPerModule = 40;

    /// <summary>The quiet zone drawn around the symbol, in modules (the ISO/IEC 18004 minimum; not configurable).</summary>
    public const int QuietZoneModules = 4;

    /// <summary>
    /// The side of one module (one black or white square) in pixels; default 10. The image is square, with
    /// (modules + 2 × <see cref="QuietZoneModules"/>) × <see cref="PixelsPerModule"/> pixels per side: a typical
    /// dynamic BR Code (about 140 characters, level M, 41 to 45 modules) gives a 490 to 530 px image.
    /// </summary>
    public int PixelsPerModule { get; set; } = 10;

    /// <summary>The error-correction level; default <see cref="PixQrErrorCorrection.Medium"/>.</summary>
    public PixQrErrorCorrection ErrorCorrection { get; set; } = PixQrErrorCorrection.Medium;

    /// <summary>Every problem with these options (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (PixelsPerModule is < MinPixelsPerModule or > MaxPixelsPerModule)
        {
            problems.Add($"PixelsPerModule must be between {MinPixelsPerModule} and {MaxPixelsPerModule} (was {PixelsPerModule}).");
        }
        if (!Enum.IsDefined(ErrorCorrection))
        {
            problems.Add($"ErrorCorrection {(int)ErrorCorrection} is not a defined level.");
        }
        return problems;
    }

    /// <summary>The settings, for diagnostics.</summary>
    public override string ToString() => $"PixQrCodeOptions PixelsPerModule={PixelsPerModule} ErrorCorrection={ErrorCorrection}";
}
