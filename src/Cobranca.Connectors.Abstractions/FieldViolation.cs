namespace Cobranca.Connectors.Abstractions;

/// <summary>One rejected field.</summary>
/// <param name="Field">The field (JSON path or name), as the provider names it.</param>
/// <param name="Reason">Why (redacted).</param>
/// <param name="Value">The rejected value, redacted.</param>
public sealed record FieldViolation(string Field, string Reason, string? Value = null);
