using System.Text;

namespace Cobranca.Connectors.Pix;

/// <summary>Turns free text into what a BR Code may carry: printable ASCII, no accents, single spaces, cut to a limit.</summary>
internal static class BrCodeText
{
    public static string Sanitise(string? text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text)) return string.Empty;
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (c is < ' ' or > '~') continue; // combining marks (the accents) and anything else outside printable ASCII
            if (pendingSpace) sb.Append(' ');
            pendingSpace = false;
            sb.Append(c);
        }
        var result = sb.Length > maxLength ? sb.ToString(0, maxLength) : sb.ToString();
        return result.TrimEnd();
    }
}
