namespace Cobranca.Connectors.Pix;

/// <summary>A static BR Code: Pix key (26/01), optional amount, optional txid. Can be produced offline.</summary>
public sealed class BrCodeStaticRequest : BrCodeRequest
{
    /// <summary>
    /// The Pix key, normalised to the DICT format: CPF/CNPJ digits only (a mask is accepted and removed),
    /// phone <c>+55DDNNNNNNNNN</c> (spaces, parentheses and hyphens removed), e-mail and EVP lower-cased.
    /// </summary>
    public required string PixKey { get; init; }

    /// <summary>
    /// Reference label (62/05): up to 25 letters and digits, or null/empty/<c>***</c> for "no txid". Note that PSPs
    /// notify payments of static codes only when they associate the txid; keep reconciliation by polling.
    /// </summary>
    public string? TxId { get; init; }

    /// <summary>Optional free text for the payer (26/02), up to 72 characters, sanitised like the merchant name.</summary>
    public string? AdditionalInfo { get; init; }
}
