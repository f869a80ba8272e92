namespace Cobranca.Connectors.Abstractions;

/// <summary>One stored document.</summary>
/// <param name="Key">Key.</param>
/// <param name="Value">JSON value.</param>
/// <param name="Version">Version (1 on insert).</param>
/// <param name="UpdatedAt">Last write.</param>
public sealed record StateEntry(string Key, string Value, long Version, DateTimeOffset UpdatedAt);
