using PdfSharp.Fonts;

namespace Cobranca.Connectors.Boleto.Pdf;

/// <summary>
/// Resolves the renderer's own family name to free TrueType fonts (configured bytes or system files) and delegates
/// every other family to the resolver the host had installed, so installing it never takes fonts away from the host.
/// </summary>
internal sealed class BoletoFontResolver : IFontResolver
{
    public const string Family = "Cobranca Boleto Sans";
    private const string RegularFace = "CobrancaBoleto#Regular";
    private const string BoldFace = "CobrancaBoleto#Bold";

    private static readonly Lock Gate = new();
    private static readonly (string Regular, string Bold)[] Candidates =
    [
        ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
        ("/usr/share/fonts/TTF/DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf"),
        ("/usr/share/fonts/dejavu/DejaVuSans.ttf", "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf"),
        ("/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf", "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans-Bold.ttf"),
        ("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"),
        ("/usr/share/fonts/liberation-sans/LiberationSans-Regular.ttf", "/usr/share/fonts/liberation-sans/LiberationSans-Bold.ttf"),
        ("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf", "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"),
        ("/usr/share/fonts/noto/NotoSans-Regular.ttf", "/usr/share/fonts/noto/NotoSans-Bold.ttf"),
        ("C:\\Windows\\Fonts\\arial.ttf", "C:\\Windows\\Fonts\\arialbd.ttf"),
        ("/System/Library/Fonts/Supplemental/Arial.ttf", "/System/Library/Fonts/Supplemental/Arial Bold.ttf"),
        ("/Library/Fonts/Arial.ttf", "/Library/Fonts/Arial Bold.ttf"),
    ];

    private static BoletoFontResolver? _installed;
    private static byte[]? _regular;
    private static byte[]? _bold;
    private static string? _source;

    private readonly IFontResolver? _next;

    private BoletoFontResolver(IFontResolver? next) => _next = next;

    public static void Configure(byte[] regular, byte[] bold)
    {
        lock (Gate)
        {
            _regular = regular;
            _bold = bold;
            _source = "configured";
        }
    }

    public static string? Describe()
    {
        lock (Gate)
        {
            LoadSystemFonts();
            return _source;
        }
    }

    /// <summary>Makes sure the family resolves; throws <see cref="InvalidOperationException"/> when no font is available.</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            LoadSystemFonts();
            if (_regular is null || _bold is null)
            {
                throw new InvalidOperationException(
                    "No font for the boleto PDF: install DejaVu Sans (Debian/Ubuntu: fonts-dejavu-core) or Liberation Sans, or call BoletoPdfFonts.Use(regular, bold) with TrueType files.");
            }
            if (_installed is not null) return;
            var current = GlobalFontSettings.FontResolver;
            if (current is BoletoFontResolver mine)
            {
                _installed = mine;
                return;
            }
            var resolver = new BoletoFontResolver(current);
            try
            {
                GlobalFontSettings.FontResolver = resolver;
            }
            catch (InvalidOperationException)
            {
                // The host's resolver is already in use: register as the fallback instead.
                if (GlobalFontSettings.FallbackFontResolver is null) GlobalFontSettings.FallbackFontResolver = new BoletoFontResolver(null);
                else throw new InvalidOperationException(
                    "PDFsharp's font resolvers are already set and in use by the application: set GlobalFontSettings.FontResolver to one that delegates to the boleto fonts, or render a boleto before using PDFsharp elsewhere.");
            }
            _installed = resolver;
        }
    }

    private static void LoadSystemFonts()
    {
        if (_regular is not null) return;
        foreach (var (regular, bold) in Candidates)
        {
            try
            {
                if (!File.Exists(regular) || !File.Exists(bold)) continue;
                _regular = File.ReadAllBytes(regular);
                _bold = File.ReadAllBytes(bold);
                _source = regular;
                return;
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic)
    {
        if (string.Equals(familyName, Family, StringComparison.OrdinalIgnoreCase))
        {
            return new FontResolverInfo(isBold ? BoldFace : RegularFace, false, isItalic);
        }
        return _next?.ResolveTypeface(familyName, isBold, isItalic);
    }

    public byte[]? GetFont(string faceName)
    {
        lock (Gate)
        {
            return faceName switch
            {
                RegularFace => _regular,
                BoldFace => _bold,
                _ => _next?.GetFont(faceName),
            };
        }
    }
}
