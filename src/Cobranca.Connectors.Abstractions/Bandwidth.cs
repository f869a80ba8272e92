using System.Globalization;

namespace Cobranca.Connectors.Abstractions;

/// <summary>A download/upload speed in bits per second.</summary>
/// <param name="DownloadBitsPerSecond">Download (towards the customer).</param>
/// <param name="UploadBitsPerSecond">Upload (from the customer).</param>
public readonly record struct Bandwidth(long DownloadBitsPerSecond, long UploadBitsPerSecond)
{
    /// <summary>A symmetric speed in megabits per second.</summary>
    /// <param name="megabits">Megabits per second.</param>
    public static Bandwidth FromMegabits(double megabits) => FromMegabits(megabits, megabits);

    /// <summary>A speed in megabits per second.</summary>
    /// <param name="download">Download Mbit/s.</param>
    /// <param name="upload">Upload Mbit/s.</param>
    public static Bandwidth FromMegabits(double download, double upload)
    {
        if (!double.IsFinite(download) || download <= 0) throw new ArgumentOutOfRangeException(nameof(download), "A speed is a positive number.");
        if (!double.IsFinite(upload) || upload <= 0) throw new ArgumentOutOfRangeException(nameof(upload), "A speed is a positive number.");
        return new((long)Math.Round(download * 1_000_000), (long)Math.Round(upload * 1_000_000));
    }

    /// <summary>
    /// Parses MikroTik-style limits: <c>"10M/5M"</c>, <c>"512k"</c>, <c>"1000000/500000"</c> (upload/download order is
    /// RouterOS's: <b>upload first</b>, as in <c>max-limit=upload/download</c>).
    /// </summary>
    /// <param name="text">The text.</param>
    /// <exception cref="FormatException">Not a valid rate.</exception>
    public static Bandwidth ParseRouterOs(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Trim().Split('/');
        if (parts.Length is < 1 or > 2) throw new FormatException($"'{text}' is not a rate like 10M/5M.");
        var up = ParseRate(parts[0]);
        var down = parts.Length == 2 ? ParseRate(parts[1]) : up;
        return new(down, up);
    }

    /// <summary>Formats as RouterOS <c>max-limit</c> (<c>upload/download</c> in bits per second).</summary>
    public string ToRouterOs() =>
        string.Create(CultureInfo.InvariantCulture, $"{UploadBitsPerSecond}/{DownloadBitsPerSecond}");

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Format(DownloadBitsPerSecond)} down / {Format(UploadBitsPerSecond)} up");

    private static string Format(long bps) => bps switch
    {
        >= 1_000_000 when bps % 1_000_000 == 0 => string.Create(CultureInfo.InvariantCulture, $"{bps / 1_000_000}M"),
        >= 1_000 when bps % 1_000 == 0 => string.Create(CultureInfo.InvariantCulture, $"{bps / 1_000}k"),
        _ => bps.ToString(CultureInfo.InvariantCulture),
    };

    private static long ParseRate(string part)
    {
        var s = part.Trim();
        if (s.Length == 0) throw new FormatException("Empty rate.");
        long multiplier = 1;
        switch (char.ToUpperInvariant(s[^1]))
        {
            case 'K': multiplier = 1_000; s = s[..^1]; break;
            case 'M': multiplier = 1_000_000; s = s[..^1]; break;
            case 'G': multiplier = 1_000_000_000; s = s[..^1]; break;
        }
        if (!decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value < 0
            || value > long.MaxValue / multiplier)
            throw new FormatException($"'{part}' is not a rate.");
        return (long)(value * multiplier);
    }
}
