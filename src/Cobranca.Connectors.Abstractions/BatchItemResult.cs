namespace Cobranca.Connectors.Abstractions;

/// <summary>The outcome of one command of a batch.</summary>
/// <param name="Index">Position of the command in the submitted list.</param>
/// <param name="Command">The command.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Error">Why it failed, for <see cref="BatchItemOutcome.Failed"/> and <see cref="BatchItemOutcome.Unconfirmed"/> (redacted on construction).</param>
public sealed record BatchItemResult(int Index, AccessCommand Command, BatchItemOutcome Outcome, string? Error = null)
{
    /// <summary>Why it failed, redacted.</summary>
    public string? Error { get; init => field = SensitiveData.Redact(value); } = SensitiveData.Redact(Error);

    /// <summary>True for <see cref="BatchItemOutcome.Applied"/> and <see cref="BatchItemOutcome.AlreadyInState"/>.</summary>
    public bool Succeeded => Outcome is BatchItemOutcome.Applied or BatchItemOutcome.AlreadyInState;
}
