namespace Cobranca.Connectors.Testing.Conformance;

/// <summary>
/// The executable meaning of <see cref="Abstractions.IBillingSystem"/> and <see cref="Abstractions.IAccessController"/>:
/// named checks that any implementation must pass, run against a fresh target per check seeded with one
/// <see cref="ConformanceScenario"/>. Framework-neutral: <see cref="RunAsync"/> completes when the check passes and throws
/// <see cref="ConformanceException"/> when it does not. Wrap it in your test framework with one test case per name in
/// <see cref="BillingCheckNames"/> / <see cref="AccessCheckNames"/>.
/// </summary>
/// <remarks>
/// Capabilities are part of the contract: a check whose operation the implementation declares unsupported verifies that
/// calling it throws <see cref="NotSupportedException"/> (and logs that it did), it is never skipped.
/// </remarks>
public sealed class ConformanceKit
{
    private readonly Func<ConformanceScenario, Task<ConformanceTarget>> _factory;
    private readonly Action<string>? _log;

    /// <summary>Creates a kit.</summary>
    /// <param name="scenario">The seeded scenario; every target the factory creates must be seeded with it and run at its <see cref="ConformanceScenario.Now"/>.</param>
    /// <param name="factory">Creates a fresh, seeded implementation (one per check: checks change state).</param>
    /// <param name="log">Receives one line per notable step (unsupported operations verified, outcomes seen); optional.</param>
    public ConformanceKit(ConformanceScenario scenario, Func<ConformanceScenario, Task<ConformanceTarget>> factory, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(factory);
        Scenario = scenario;
        _factory = factory;
        _log = log;
    }

    /// <summary>The scenario the targets are seeded with.</summary>
    public ConformanceScenario Scenario { get; }

    /// <summary>Every check, in a stable order.</summary>
    public static IReadOnlyList<ConformanceCheck> Checks { get; } = BillingChecks.All.Select(c => c.Check).Concat(AccessChecks.All.Select(c => c.Check)).ToList();

    /// <summary>Names of the <see cref="ConformanceContract.Billing"/> checks.</summary>
    public static IReadOnlyList<string> BillingCheckNames { get; } = BillingChecks.All.Select(c => c.Check.Name).ToList();

    /// <summary>Names of the <see cref="ConformanceContract.Access"/> checks.</summary>
    public static IReadOnlyList<string> AccessCheckNames { get; } = AccessChecks.All.Select(c => c.Check.Name).ToList();

    /// <summary>Runs one check against a fresh target.</summary>
    /// <param name="checkName">A name from <see cref="Checks"/>.</param>
    /// <param name="cancellationToken">Cancels the run (not part of any check).</param>
    /// <exception cref="ArgumentException">Unknown check name.</exception>
    /// <exception cref="ConformanceException">The implementation broke the contract.</exception>
    public async Task RunAsync(string checkName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkName);
        var run = BillingChecks.All.Concat(AccessChecks.All).FirstOrDefault(c => c.Check.Name == checkName).Run
            ?? throw new ArgumentException($"Unknown conformance check '{checkName}'.", nameof(checkName));
        var target = await _factory(Scenario).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The conformance factory returned null.");
        await using (target.ConfigureAwait(false))
        {
            var context = new ConformanceContext(checkName, Scenario, target, _log, cancellationToken);
            try
            {
                await run(context).ConfigureAwait(false);
            }
            catch (ConformanceException)
            {
                throw;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                throw new ConformanceException(checkName, $"Unexpected {ex.GetType().Name}: {ex.Message}", ex);
            }
        }
    }
}
