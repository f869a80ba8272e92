namespace Cobranca.Connectors.Boleto;

/// <summary>
/// A barcode or linha digitável is invalid. <see cref="Kind"/> says which rule failed and <see cref="Field"/> which
/// field or block of the linha when a check digit is wrong.
/// </summary>
public sealed class BoletoException : FormatException
{
    /// <summary>Creates an exception (standard constructor; <see cref="Kind"/> is <see cref="BoletoErrorKind.InvalidFormat"/>).</summary>
    public BoletoException()
        : this(BoletoErrorKind.InvalidFormat, "The code is invalid.")
    {
    }

    /// <summary>Creates an exception (standard constructor; <see cref="Kind"/> is <see cref="BoletoErrorKind.InvalidFormat"/>).</summary>
    /// <param name="message">A description.</param>
    public BoletoException(string message)
        : this(BoletoErrorKind.InvalidFormat, message)
    {
    }

    /// <summary>Creates an exception (standard constructor; <see cref="Kind"/> is <see cref="BoletoErrorKind.InvalidFormat"/>).</summary>
    /// <param name="message">A description.</param>
    /// <param name="innerException">The cause.</param>
    public BoletoException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Kind = BoletoErrorKind.InvalidFormat;
    }

    /// <summary>Creates an exception.</summary>
    /// <param name="kind">The violated rule.</param>
    /// <param name="message">A description.</param>
    /// <param name="field">The 1-based field (47) or block (48) whose check digit failed.</param>
    public BoletoException(BoletoErrorKind kind, string message, int? field = null)
        : base(message)
    {
        Kind = kind;
        Field = field;
    }

    /// <summary>The violated rule.</summary>
    public BoletoErrorKind Kind { get; }

    /// <summary>The 1-based field (linha of 47) or block (linha of 48) whose check digit failed, when that is the error.</summary>
    public int? Field { get; }
}
