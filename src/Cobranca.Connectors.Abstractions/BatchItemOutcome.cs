namespace Cobranca.Connectors.Abstractions;

/// <summary>How one item of a batch ended.</summary>
public enum BatchItemOutcome
{
    /// <summary>The change was made.</summary>
    Applied,
    /// <summary>Already in the requested state; nothing changed.</summary>
    AlreadyInState,
    /// <summary>Failed; see <see cref="BatchItemResult.Error"/>.</summary>
    Failed,
    /// <summary>Not attempted (cancelled, or the connection was lost before it was sent). Safe to re-submit.</summary>
    NotAttempted,
    /// <summary>Sent, but the connection was lost before the answer: the change may or may not have happened. Re-read before re-submitting.</summary>
    Unconfirmed,
}
