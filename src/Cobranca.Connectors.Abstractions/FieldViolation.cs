namespace Cobranca.Connectors.Abstractions;

/// <summary>One rejected field.</summary>
/// <param name="Field">The field (JSON path or name), as the provider names it.</param>
/// <param name="Reason">Why (redacted on construction).</param>
/// <param name="Value">The rejected value (redacted on construction).</param>
public sealed record FieldViolation(string Field, string Reason, string? Value = null)
{
    /// <summary>Why the field was rejected, redacted.</summary>
    public string Reason { get; init => field = SensitiveData.Redact(value); } = SensitiveData.Redact(Reason);

    /// <summary>The rejected value, redacted.</summary>
    public string? Value { get; init => field = SensitiveData.Redact(value); } = SensitiveData.Redact(Value);
}
