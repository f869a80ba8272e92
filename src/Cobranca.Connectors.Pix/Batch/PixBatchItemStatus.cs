namespace Cobranca.Connectors.Pix;

/// <summary>Status of one charge in a <c>lotecobv</c> batch. Unknown wire values map to <see cref="Unknown"/> (raw code kept).</summary>
public enum PixBatchItemStatus
{
    /// <summary>A value this SDK does not know.</summary>
    Unknown = 0,

    /// <summary><c>EM_PROCESSAMENTO</c>.</summary>
    Processing,

    /// <summary><c>CRIADA</c>: the cobv exists.</summary>
    Created,

    /// <summary><c>NEGADA</c>: refused (see the problem); no charge exists.</summary>
    Denied,
}
