using Cobranca.Connectors.Testing;
using Cobranca.Connectors.Testing.Conformance;
using Cobranca.Connectors.Testing.Conformance.Xunit;
using Xunit.Abstractions;

namespace Cobranca.Connectors.Abstractions.Tests.Testing.Conformance;

/// <summary>The conformance kit over the in-memory fakes (FakeBillingSystem and its FakeAccessController).</summary>
public sealed class FakeConformanceTests(ITestOutputHelper output) : ConformanceTests(output)
{
    protected override Task<ConformanceTarget> CreateTargetAsync(ConformanceScenario scenario) =>
        Task.FromResult(FakeTargets.Create(scenario));
}

internal static class FakeTargets
{
    public static ConformanceTarget Create(ConformanceScenario scenario, TimeProvider? clock = null)
    {
        var billing = new FakeBillingSystem(scenario.Data, clock ?? scenario.TimeProvider);
        return new ConformanceTarget(billing, billing.AccessController)
        {
            StartOutage = () =>
            {
                billing.IsDown = true;
                billing.AccessController.IsDown = true;
                return new Outage(() =>
                {
                    billing.IsDown = false;
                    billing.AccessController.IsDown = false;
                });
            },
        };
    }

    private sealed class Outage(Action end) : IDisposable
    {
        public void Dispose() => end();
    }
}
