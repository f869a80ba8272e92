namespace Cobranca.Connectors.Testing.Sandbox;

/// <summary>
/// The injected faults of a provider sandbox: each applies to the next <c>Times</c> requests it matches, the first
/// pending match wins.
/// </summary>
/// <typeparam name="TFault">The sandbox's public fault type.</typeparam>
internal sealed class SandboxFaults<TFault>
    where TFault : class
{
    private readonly Lock _gate = new();
    private readonly List<Slot> _slots = [];

    /// <summary>Adds a fault for the next <paramref name="times"/> matching requests.</summary>
    public void Add(TFault fault, int times)
    {
        lock (_gate) _slots.Add(new Slot(fault, times));
    }

    /// <summary>Removes all pending faults.</summary>
    public void Clear()
    {
        lock (_gate) _slots.Clear();
    }

    /// <summary>Takes one use of the first pending fault that <paramref name="matches"/> the request, or returns null.</summary>
    public TFault? Take(Func<TFault, bool> matches)
    {
        lock (_gate)
        {
            foreach (var slot in _slots)
            {
                if (slot.Remaining <= 0 || !matches(slot.Fault)) continue;
                slot.Remaining--;
                return slot.Fault;
            }

            return null;
        }
    }

    /// <summary>The method (any case) and path-substring rule every sandbox fault has; a null criterion matches anything.</summary>
    public static bool Matches(string? method, string? pathContains, string requestMethod, string path) =>
        (method is null || string.Equals(method, requestMethod, StringComparison.OrdinalIgnoreCase))
        && (pathContains is null || path.Contains(pathContains, StringComparison.Ordinal));

    private sealed class Slot(TFault fault, int times)
    {
        public TFault Fault { get; } = fault;

        public int Remaining { get; set; } = times;
    }
}
