using System.Text;

namespace Cobranca.Connectors.Testing.Sandbox;

/// <summary>
/// The OAuth2 side the provider sandboxes share: the bearer tokens issued (with their expiry on the sandbox clock, all
/// dropped by a revocation), how many were issued, and reading the client id and secret of an HTTP Basic header.
/// </summary>
internal sealed class SandboxTokens
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _expiry = new(StringComparer.Ordinal);
    private int _issued;

    /// <summary>How many tokens were issued.</summary>
    public int Issued => Volatile.Read(ref _issued);

    /// <summary>Records a token issued now, valid until <paramref name="expiresAt"/>.</summary>
    public void Add(string token, DateTimeOffset expiresAt)
    {
        lock (_gate) _expiry[token] = expiresAt;
        Interlocked.Increment(ref _issued);
    }

    /// <summary>True when <paramref name="token"/> was issued and has not expired (the clock is read only for a known token).</summary>
    public bool IsValid(string token, TimeProvider time)
    {
        lock (_gate) return _expiry.TryGetValue(token, out var expires) && time.GetUtcNow() < expires;
    }

    /// <summary>Drops every token (the next API call gets 401, as after a revocation).</summary>
    public void Clear()
    {
        lock (_gate) _expiry.Clear();
    }

    /// <summary>The token of a <c>Bearer</c> header, or null.</summary>
    public static string? BearerOf(string authorization) =>
        authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;

    /// <summary>The client id and secret of a <c>Basic</c> header; nulls when there is none or it does not decode.</summary>
    public static (string? Id, string? Secret) FromBasic(string authorization)
    {
        if (!authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return (null, null);
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon > 0 ? (decoded[..colon], decoded[(colon + 1)..]) : (null, null);
        }
        catch (FormatException)
        {
            return (null, null); // the caller answers invalid_client
        }
    }
}
