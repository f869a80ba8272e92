namespace Cobranca.Connectors.Boleto.Pdf;

/// <summary>
/// The boleto's data is invalid or inconsistent (a <see cref="FormatException"/>, like the codec's
/// <see cref="BoletoException"/>): <see cref="Kind"/> says why. Messages carry no personal data.
/// </summary>
public sealed class BoletoPdfException : FormatException
{
    /// <summary>Creates an exception (standard constructor; <see cref="Kind"/> is <see cref="BoletoPdfErrorKind.MissingField"/>).</summary>
    public BoletoPdfException()
        : this("The boleto cannot be rendered.")
    {
    }

    /// <summary>Creates an exception (standard constructor).</summary>
    /// <param name="message">A description.</param>
    public BoletoPdfException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception (standard constructor).</summary>
    /// <param name="message">A description.</param>
    /// <param name="innerException">The cause.</param>
    public BoletoPdfException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception of a given kind.</summary>
    /// <param name="kind">Why.</param>
    /// <param name="message">A description.</param>
    /// <param name="innerException">The cause, if any.</param>
    public BoletoPdfException(BoletoPdfErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    /// <summary>Why the boleto cannot be rendered.</summary>
    public BoletoPdfErrorKind Kind { get; }
}
