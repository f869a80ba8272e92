namespace Cobranca.Connectors.Testing.Conformance;

/// <summary>A conformance check found the implementation breaking the contract.</summary>
public sealed class ConformanceException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ConformanceException()
        : this("The implementation does not conform.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    public ConformanceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The exception the implementation raised, if that is what broke the contract.</param>
    public ConformanceException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a named check.</summary>
    /// <param name="check">The check's name.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The exception the implementation raised, if any.</param>
    public ConformanceException(string check, string message, Exception? innerException)
        : base($"[{check}] {message}", innerException)
    {
        Check = check;
    }

    /// <summary>The name of the failed check, when known.</summary>
    public string? Check { get; }
}
