namespace Cobranca.Connectors.Boleto.Pdf;

/// <summary>
/// The fonts the renderer embeds. PDFsharp's cross-platform build needs TrueType font files: by default the renderer
/// looks for free fonts installed on the machine (DejaVu Sans, Liberation Sans, Noto Sans; Arial on Windows and macOS).
/// Call <see cref="Use"/> once at start-up to embed fonts of your choice instead (e.g. shipped with your app).
/// </summary>
public static class BoletoPdfFonts
{
    /// <summary>Uses these TrueType fonts for every boleto rendered afterwards.</summary>
    /// <param name="regular">The regular face (a .ttf file's bytes).</param>
    /// <param name="bold">The bold face (a .ttf file's bytes).</param>
    public static void Use(byte[] regular, byte[] bold)
    {
        ArgumentNullException.ThrowIfNull(regular);
        ArgumentNullException.ThrowIfNull(bold);
        BoletoFontResolver.Configure(regular, bold);
    }

    /// <summary>Where the fonts come from: <c>"configured"</c> or the path of the regular system font found; null when none.</summary>
    public static string? Source => BoletoFontResolver.Describe();
}
