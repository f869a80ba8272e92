using System.Globalization;

namespace Cobranca.Connectors.Testing.RouterOs;

/// <summary>
/// The print query engine: a stack of booleans that starts as "infinitely many true"; a row matches unless the final
/// stack holds a false. Supports <c>?name</c>, <c>?-name</c>, <c>?name=x</c>, <c>?=name=x</c>, <c>?&lt;name=x</c>,
/// <c>?&gt;name=x</c> and <c>?#</c> operations (<c>!</c>, <c>&amp;</c>, <c>|</c>, <c>.</c>, digits = copy of the value
/// at that depth from the top).
/// </summary>
internal static class EmulatorQuery
{
    public static bool Matches(IReadOnlyDictionary<string, string> row, IReadOnlyList<string> queries)
    {
        if (queries.Count == 0) return true;
        var stack = new List<bool>();
        foreach (var q in queries)
        {
            var body = q[1..];
            if (body.StartsWith('#'))
            {
                RunOps(stack, body[1..]);
            }
            else if (body.StartsWith('-'))
            {
                stack.Add(!row.ContainsKey(body[1..]));
            }
            else if (body.StartsWith('<') || body.StartsWith('>'))
            {
                var (name, value) = Split(body[1..]);
                var cmp = row.TryGetValue(name, out var actual) ? Compare(actual, value) : (int?)null;
                stack.Add(cmp is { } c && (body[0] == '<' ? c < 0 : c > 0));
            }
            else
            {
                if (body.StartsWith('=')) body = body[1..];
                var eq = body.IndexOf('=', StringComparison.Ordinal);
                if (eq < 0) stack.Add(row.ContainsKey(body));
                else
                {
                    var (name, value) = Split(body);
                    stack.Add(row.TryGetValue(name, out var actual) && string.Equals(actual, value, StringComparison.Ordinal));
                }
            }
        }
        return !stack.Contains(false);
    }

    private static void RunOps(List<bool> stack, string ops)
    {
        for (var i = 0; i < ops.Length; i++)
        {
            var op = ops[i];
            switch (op)
            {
                case '!': stack.Add(!Pop(stack)); break;
                case '&': { var a = Pop(stack); var b = Pop(stack); stack.Add(a && b); break; }
                case '|': { var a = Pop(stack); var b = Pop(stack); stack.Add(a || b); break; }
                case '.': { var a = Pop(stack); stack.Add(a); stack.Add(a); break; }
                case >= '0' and <= '9':
                    var depth = op - '0';
                    var v = depth < stack.Count ? stack[stack.Count - 1 - depth] : true;
                    if (i == ops.Length - 1 && ops.Length > 1)
                    {
                        // A trailing index replaces the whole stack with that value.
                        stack.Clear();
                    }
                    stack.Add(v);
                    break;
                default: throw new FormatException($"unknown query operation '{op}'");
            }
        }
    }

    private static bool Pop(List<bool> stack)
    {
        if (stack.Count == 0) return true; // the stack starts as infinitely many "true"
        var v = stack[^1];
        stack.RemoveAt(stack.Count - 1);
        return v;
    }

    private static (string Name, string Value) Split(string body)
    {
        var eq = body.IndexOf('=', StringComparison.Ordinal);
        return eq < 0 ? (body, string.Empty) : (body[..eq], body[(eq + 1)..]);
    }

    private static int Compare(string a, string b)
    {
        if (decimal.TryParse(a, NumberStyles.Number, CultureInfo.InvariantCulture, out var x) &&
            decimal.TryParse(b, NumberStyles.Number, CultureInfo.InvariantCulture, out var y))
            return x.CompareTo(y);
        return string.CompareOrdinal(a, b);
    }
}
