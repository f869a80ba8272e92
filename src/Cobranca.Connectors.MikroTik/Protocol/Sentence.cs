namespace Cobranca.Connectors.MikroTik.Protocol;

/// <summary>Splits reply words into the reply type, the tag and the <c>=name=value</c> attributes.</summary>
internal static class Sentence
{
    public static (string Type, string? Tag, Dictionary<string, string> Attributes) Parse(List<string> words, List<int>? windows1252Words = null)
    {
        string? tag = null;
        var attributes = new RouterOsRow(Math.Max(0, words.Count - 1));
        for (var i = 1; i < words.Count; i++)
        {
            var w = words[i];
            if (w.StartsWith(".tag=", StringComparison.Ordinal))
            {
                tag = w[5..];
            }
            else if (w.Length > 1 && w[0] == '=')
            {
                var eq = w.IndexOf('=', 1);
                if (eq < 0) attributes[w[1..]] = string.Empty;
                else
                {
                    var key = w[1..eq];
                    attributes[key] = w[(eq + 1)..];
                    if (windows1252Words?.Contains(i) == true) attributes.MarkWindows1252(key);
                }
            }
            else if (i == 1 && words[0] == "!fatal")
            {
                attributes["message"] = w;
            }
        }
        return (words[0], tag, attributes);
    }
}
