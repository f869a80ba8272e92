namespace Cobranca.Connectors.MikroTik.Access;

/// <summary>
/// Remembers the value to restore (original PPP profile, original queue max-limit) at the start of the item's comment:
/// <c>cobranca:restore=plano100;original comment</c>. Only written when the original comment is ASCII, so bytes the
/// SDK did not create are never re-encoded.
/// </summary>
internal static class RestoreMarker
{
    public static bool TryRead(string prefix, string? comment, out string value, out string original)
    {
        value = original = string.Empty;
        var head = prefix + ":restore=";
        if (comment is null || !comment.StartsWith(head, StringComparison.Ordinal)) return false;
        var rest = comment[head.Length..];
        var semi = rest.IndexOf(';', StringComparison.Ordinal);
        value = semi < 0 ? rest : rest[..semi];
        original = semi < 0 ? string.Empty : rest[(semi + 1)..];
        return value.Length > 0;
    }

    public static string Write(string prefix, string value, string? original) =>
        string.IsNullOrEmpty(original) ? $"{prefix}:restore={value}" : $"{prefix}:restore={value};{original}";
}
