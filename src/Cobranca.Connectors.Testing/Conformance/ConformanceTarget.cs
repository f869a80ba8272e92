using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Testing.Conformance;

/// <summary>
/// One implementation under test, freshly seeded with a <see cref="ConformanceScenario"/>: its
/// <see cref="IBillingSystem"/> and/or <see cref="IAccessController"/>, the secrets it was configured with (which no
/// exception message may contain), an optional outage switch, and what to release afterwards.
/// </summary>
public sealed class ConformanceTarget : IAsyncDisposable
{
    private readonly Func<ValueTask>? _dispose;

    /// <summary>Creates a target.</summary>
    /// <param name="billing">The billing side, or null for an access-only implementation (a router).</param>
    /// <param name="access">The access side, or null for a billing-only implementation.</param>
    /// <param name="dispose">Releases what the factory started (a sandbox, a client); may be null.</param>
    /// <exception cref="ArgumentException">Both sides are null.</exception>
    public ConformanceTarget(IBillingSystem? billing, IAccessController? access, Func<ValueTask>? dispose = null)
    {
        if (billing is null && access is null) throw new ArgumentException("A conformance target needs an IBillingSystem, an IAccessController or both.");
        Billing = billing;
        Access = access;
        _dispose = dispose;
    }

    /// <summary>The billing side under test, or null.</summary>
    public IBillingSystem? Billing { get; }

    /// <summary>The access side under test, or null.</summary>
    public IAccessController? Access { get; }

    /// <summary>Tokens, passwords and other secrets the implementation was configured with: no exception message may contain them.</summary>
    public IList<string> Secrets { get; } = new List<string>();

    /// <summary>
    /// Optional: starts an outage (every call fails at the server or transport level until the returned handle is
    /// disposed), so the checks can see the errors a connector raises for its calls. Null when the target cannot simulate one.
    /// </summary>
    public Func<IDisposable>? StartOutage { get; init; }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dispose?.Invoke() ?? ValueTask.CompletedTask;
}
