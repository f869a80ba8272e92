using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Testing.Conformance;

/// <summary>One check's run: the scenario, the target and assertion helpers that throw <see cref="ConformanceException"/>.</summary>
internal sealed class ConformanceContext(string name, ConformanceScenario scenario, ConformanceTarget target, Action<string>? log,
    CancellationToken cancellationToken)
{
    public string Name { get; } = name;

    public ConformanceScenario Scenario { get; } = scenario;

    public ConformanceTarget Target { get; } = target;

    public CancellationToken Token { get; } = cancellationToken;

    /// <summary>Exceptions the implementation raised during the check (for the redaction checks).</summary>
    public List<Exception> Raised { get; } = [];

    public IBillingSystem Billing => Target.Billing ?? throw Fail("The target has no IBillingSystem; run only the access checks on it.");

    public IAccessController Access => Target.Access ?? throw Fail("The target has no IAccessController; run only the billing checks on it.");

    public void Log(string message) => log?.Invoke($"[{Name}] {message}");

    public ConformanceException Fail(string message, Exception? inner = null) => new(Name, message, inner);

    public void True(bool condition, string message)
    {
        if (!condition) throw Fail(message);
    }

    public void Equal<T>(T expected, T actual, string what)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual)) throw Fail($"{what}: expected {expected}, got {actual}.");
    }

    public void SameIds(IEnumerable<string> expected, IEnumerable<string> actual, string what)
    {
        var got = actual.ToList();
        var duplicates = got.GroupBy(x => x, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0) throw Fail($"{what}: duplicated ids {Show(duplicates)}.");
        var want = expected.ToHashSet(StringComparer.Ordinal);
        var missing = want.Except(got, StringComparer.Ordinal).ToList();
        var extra = got.Except(want, StringComparer.Ordinal).ToList();
        if (missing.Count > 0 || extra.Count > 0)
            throw Fail($"{what}: missing {Show(missing)}, unexpected {Show(extra)}.");
    }

    /// <summary>Runs an operation the contract says must succeed; an exception becomes a conformance failure with context.</summary>
    public async Task<T> Call<T>(string what, Func<CancellationToken, Task<T>> operation)
    {
        try
        {
            return await operation(Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (Token.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not ConformanceException)
        {
            Raised.Add(ex);
            throw Fail($"{what} threw {ex.GetType().Name}: {ex.Message}", ex);
        }
    }

    /// <summary>Runs an operation expected to throw <typeparamref name="TException"/> (or a subtype).</summary>
    public async Task<TException> Throws<TException>(string what, Func<CancellationToken, Task> operation) where TException : Exception
    {
        try
        {
            await operation(Token).ConfigureAwait(false);
        }
        catch (TException expected)
        {
            Raised.Add(expected);
            return expected;
        }
        catch (OperationCanceledException) when (Token.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not ConformanceException)
        {
            Raised.Add(ex);
            throw Fail($"{what} should throw {typeof(TException).Name} but threw {ex.GetType().Name}: {ex.Message}", ex);
        }
        throw Fail($"{what} should throw {typeof(TException).Name} but completed.");
    }

    /// <summary>An unsupported capability: the operation must throw <see cref="NotSupportedException"/>.</summary>
    public async Task Unsupported(string capability, string what, Func<CancellationToken, Task> operation)
    {
        await Throws<NotSupportedException>($"{what} (capability {capability} not declared)", operation).ConfigureAwait(false);
        Log($"{capability} not declared: {what} throws NotSupportedException as required.");
    }

    /// <summary>Caller cancellation: with an already cancelled token the operation must throw <see cref="OperationCanceledException"/>.</summary>
    public async Task Cancelled(string what, Func<CancellationToken, Task> operation)
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync().ConfigureAwait(false);
        try
        {
            await operation(cancelled.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        catch (Exception ex) when (ex is not ConformanceException)
        {
            throw Fail($"{what} with a cancelled token should throw OperationCanceledException but threw {ex.GetType().Name}: {ex.Message}", ex);
        }
        throw Fail($"{what} with a cancelled token should throw OperationCanceledException but completed.");
    }

    /// <summary>No exception message seen (inner ones included) may contain a secret of the target or personal data of the scenario.</summary>
    public void NoSecretsIn(IEnumerable<Exception> exceptions)
    {
        var forbidden = Target.Secrets.Where(s => !string.IsNullOrWhiteSpace(s) && s.Length >= 4)
            .Select(s => (Text: s, Kind: "a configured secret"))
            .Concat(Scenario.PersonalData().Select(p => (Text: p, Kind: "personal data (CPF/CNPJ or phone)")))
            .ToList();
        foreach (var exception in exceptions)
        {
            for (var e = exception; e is not null; e = e.InnerException)
            {
                foreach (var (text, kind) in forbidden)
                {
                    if (e.Message.Contains(text, StringComparison.OrdinalIgnoreCase))
                        throw Fail($"A {e.GetType().Name} message contains {kind} (redact it): \"{Redacted(e.Message, forbidden.Select(f => f.Text))}\"");
                }
            }
        }
    }

    private static string Redacted(string message, IEnumerable<string> forbidden) =>
        forbidden.Aggregate(message, (m, f) => m.Replace(f, "<REDACTED>", StringComparison.OrdinalIgnoreCase));

    private static string Show(IReadOnlyCollection<string> ids) => ids.Count == 0 ? "none" : "[" + string.Join(", ", ids.Take(20)) + (ids.Count > 20 ? ", ..." : "") + "]";
}
