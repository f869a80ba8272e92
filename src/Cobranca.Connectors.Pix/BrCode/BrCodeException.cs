namespace Cobranca.Connectors.Pix;

/// <summary>
/// A BR Code payload (or a build request) violates the Pix/EMV rules. <see cref="Kind"/> says which rule,
/// <see cref="Tag"/> which data object (<c>"26.01"</c> for a nested one) and <see cref="Position"/> where in the
/// payload. The message never echoes the Pix key or other personal data.
/// </summary>
public sealed class BrCodeException : FormatException
{
    /// <summary>Creates an exception (standard constructor; <see cref="Kind"/> is <see cref="BrCodeErrorKind.InvalidFieldValue"/>).</summary>
    public BrCodeException()
        : this(BrCodeErrorKind.InvalidFieldValue, "The BR Code is invalid.")
    {
    }

    /// <summary>Creates an exception (standard constructor; <see cref="Kind"/> is <see cref="BrCodeErrorKind.InvalidFieldValue"/>).</summary>
    /// <param name="message">A description.</param>
    public BrCodeException(string message)
        : this(BrCodeErrorKind.InvalidFieldValue, message)
    {
    }

    /// <summary>Creates an exception (standard constructor; <see cref="Kind"/> is <see cref="BrCodeErrorKind.InvalidFieldValue"/>).</summary>
    /// <param name="message">A description.</param>
    /// <param name="innerException">The cause.</param>
    public BrCodeException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Kind = BrCodeErrorKind.InvalidFieldValue;
    }

    /// <summary>Creates an exception.</summary>
    /// <param name="kind">The violated rule.</param>
    /// <param name="message">A description (no personal data).</param>
    /// <param name="tag">The data object, e.g. <c>"54"</c> or <c>"26.01"</c>.</param>
    /// <param name="position">The zero-based character index in the payload, when known.</param>
    public BrCodeException(BrCodeErrorKind kind, string message, string? tag = null, int? position = null)
        : base(message)
    {
        Kind = kind;
        Tag = tag;
        Position = position;
    }

    /// <summary>The violated rule.</summary>
    public BrCodeErrorKind Kind { get; }

    /// <summary>The data object concerned (<c>"63"</c>, <c>"26.01"</c>...), when the error is about one.</summary>
    public string? Tag { get; }

    /// <summary>The zero-based character index in the (trimmed) payload where the problem was found, when known.</summary>
    public int? Position { get; }
}
