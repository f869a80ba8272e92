namespace Cobranca.Connectors.Boleto.Cnab;

/// <summary>
/// A CNAB retorno file is malformed. <see cref="LineNumber"/> (1-based), <see cref="Position"/> (1-based column, as
/// the bank manuals count) and <see cref="Field"/> say where; nothing of the file was returned.
/// </summary>
/// <remarks>Messages name positions and fields, never the contents of text fields (payer names, documents).</remarks>
public sealed class CnabRetornoException : FormatException
{
    /// <summary>Creates an exception (standard constructor).</summary>
    public CnabRetornoException()
        : this("The CNAB retorno file is invalid.")
    {
    }

    /// <summary>Creates an exception (standard constructor).</summary>
    /// <param name="message">A description.</param>
    public CnabRetornoException(string message)
        : base(message)
    {
        Kind = CnabErrorKind.InvalidStructure;
    }

    /// <summary>Creates an exception (standard constructor).</summary>
    /// <param name="message">A description.</param>
    /// <param name="innerException">The cause.</param>
    public CnabRetornoException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Kind = CnabErrorKind.InvalidStructure;
    }

    /// <summary>Creates an exception that says where the file is wrong.</summary>
    /// <param name="kind">The broken rule.</param>
    /// <param name="lineNumber">1-based line number (0 when the whole file is concerned).</param>
    /// <param name="position">1-based column where the field starts (0 when the whole line is concerned).</param>
    /// <param name="field">The field's name (e.g. <c>"valor pago"</c>).</param>
    /// <param name="message">A description without personal data.</param>
    public CnabRetornoException(CnabErrorKind kind, int lineNumber, int position, string field, string message)
        : base(Describe(lineNumber, position, field, message))
    {
        Kind = kind;
        LineNumber = lineNumber;
        Position = position;
        Field = field;
    }

    /// <summary>The broken rule.</summary>
    public CnabErrorKind Kind { get; }

    /// <summary>1-based line number; 0 when the whole file is concerned.</summary>
    public int LineNumber { get; }

    /// <summary>1-based column where the field starts; 0 when the whole line is concerned.</summary>
    public int Position { get; }

    /// <summary>The field's name, as the bank manuals call it; null for the standard constructors.</summary>
    public string? Field { get; }

    private static string Describe(int line, int position, string field, string message) =>
        line == 0 ? $"{message} ({field})"
        : position == 0 ? $"Line {line} ({field}): {message}"
        : $"Line {line}, position {position} ({field}): {message}";
}
