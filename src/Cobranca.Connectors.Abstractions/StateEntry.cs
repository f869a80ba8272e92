namespace Cobranca.Connectors.Abstractions;

/// <summary>One document of an <see cref="IStateStore"/>.</summary>
/// <param name="Key">Its key.</param>
/// <param name="Value">The document.</param>
/// <param name="Version">1 when inserted, incremented by every write (the optimistic-concurrency token).</param>
/// <param name="UpdatedAt">When it was last written (the store's clock).</param>
public sealed record StateEntry(string Key, string Value, long Version, DateTimeOffset UpdatedAt);
