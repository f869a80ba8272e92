namespace Cobranca.Connectors.MkAuth.Internal;

/// <summary>
/// The tenant's JWT: fetched once at a time (concurrent callers share one fetch), refreshed <c>margin</c> before its
/// <c>exp</c> by the injected clock, dropped when the credential rotates or the server answers 401.
/// </summary>
internal sealed class MkAuthTokenCache(TimeProvider time, TimeSpan margin) : IDisposable
{
    /// <summary>MK-Auth's documented token lifetime, assumed when the JWT carries no readable <c>exp</c>.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(10);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Entry? _current;
    private int _fetches;

    /// <summary>How many token fetches completed (for tests and diagnostics).</summary>
    public int Fetches => Volatile.Read(ref _fetches);

    public async ValueTask<string> GetAsync(object credentialVersion, Func<CancellationToken, Task<(string Token, DateTimeOffset? Expires)>> fetch,
        CancellationToken cancellationToken)
    {
        if (Valid(Volatile.Read(ref _current), credentialVersion) is { } fast) return fast;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Valid(_current, credentialVersion) is { } cached) return cached;
            var (token, expires) = await fetch(cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow();
            var refreshAt = (expires ?? now + DefaultLifetime) - margin;
            Volatile.Write(ref _current, new Entry(token, refreshAt, credentialVersion));
            Interlocked.Increment(ref _fetches);
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Drops <paramref name="token"/> if it is still the cached one (after a 401).</summary>
    public void Invalidate(string token)
    {
        var current = Volatile.Read(ref _current);
        if (current is not null && current.Token == token) Interlocked.CompareExchange(ref _current, null, current);
    }

    private string? Valid(Entry? entry, object credentialVersion) =>
        entry is not null && Equals(entry.CredentialVersion, credentialVersion) && time.GetUtcNow() < entry.RefreshAt ? entry.Token : null;

    public void Dispose() => _gate.Dispose();

    private sealed record Entry(string Token, DateTimeOffset RefreshAt, object CredentialVersion);
}
