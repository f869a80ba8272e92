using Cobranca.Connectors.Testing.Conformance;
using Xunit.Abstractions;

namespace Cobranca.Connectors.Testing.Conformance.Xunit;

/// <summary>
/// The thin xunit adapter of the conformance kit: one theory case per check name. Derive, implement
/// <see cref="CreateTargetAsync"/> (a fresh, seeded implementation per check) and the kit runs every check.
/// Linked as source into each test project that runs the kit (the Testing package does not depend on xunit).
/// </summary>
public abstract class ConformanceTests(ITestOutputHelper output)
{
    /// <summary>The scenario every target is seeded with (a fixed date, so runs are reproducible).</summary>
    public static ConformanceScenario SharedScenario { get; } = ConformanceScenario.Create(new DateOnly(2025, 3, 20));

    public static TheoryData<string> BillingChecks => new(ConformanceKit.BillingCheckNames);

    public static TheoryData<string> AccessChecks => new(ConformanceKit.AccessCheckNames);

    /// <summary>Creates a fresh implementation seeded with <paramref name="scenario"/> and running at its <see cref="ConformanceScenario.Now"/>.</summary>
    protected abstract Task<ConformanceTarget> CreateTargetAsync(ConformanceScenario scenario);

    /// <summary>
    /// Checks known to fail today, with the issue that tracks each. They must fail: once fixed, the case fails and asks
    /// for the entry to be removed. Keep this empty except for tracked, temporary exceptions.
    /// </summary>
    protected virtual IReadOnlyDictionary<string, string> KnownFailures { get; } = new Dictionary<string, string>();

    [Theory]
    [MemberData(nameof(BillingChecks))]
    public Task Billing(string check) => RunAsync(check);

    [Theory]
    [MemberData(nameof(AccessChecks))]
    public Task Access(string check) => RunAsync(check);

    private async Task RunAsync(string check)
    {
        var kit = new ConformanceKit(SharedScenario, CreateTargetAsync, output.WriteLine);
        if (!KnownFailures.TryGetValue(check, out var tracked))
        {
            await kit.RunAsync(check);
            return;
        }
        var failure = await Record.ExceptionAsync(() => kit.RunAsync(check));
        Assert.True(failure is ConformanceException,
            $"'{check}' is marked as a known failure ({tracked}) but it passes now: remove it from KnownFailures.");
        output.WriteLine($"KNOWN FAILURE ({tracked}): {failure!.Message}");
    }
}
