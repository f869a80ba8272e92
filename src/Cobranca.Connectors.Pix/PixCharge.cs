using System.Text.Json;

namespace Cobranca.Connectors.Pix;

/// <summary>A <c>cob</c> or <c>cobv</c> as the PSP returns it.</summary>
public sealed class PixCharge
{
    /// <summary>The charge id (<c>txid</c>).</summary>
    public required string Txid { get; init; }

    /// <summary>True for a <c>cobv</c> (charge with due date).</summary>
    public bool IsDueCharge { get; init; }

    /// <summary>Revision number (<c>revisao</c>), incremented by each PATCH.</summary>
    public int Revision { get; init; }

    /// <summary>Record status.</summary>
    public PixChargeStatus Status { get; init; }

    /// <summary>When the PSP created it (<c>calendario.criacao</c>).</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Lifetime in seconds (<c>cob</c>).</summary>
    public int? ExpirationSeconds { get; init; }

    /// <summary>Due date (<c>cobv</c>).</summary>
    public DateOnly? DueDate { get; init; }

    /// <summary>Days payable after the due date (<c>cobv</c>).</summary>
    public int? ValidityAfterDueDays { get; init; }

    /// <summary>Original amount.</summary>
    public decimal Amount { get; init; }

    /// <summary>The receiver's Pix key. Personal data when it is a CPF/phone/e-mail: mask before logging.</summary>
    public string? Key { get; init; }

    /// <summary>The payer, when the charge names one.</summary>
    public PixDebtor? Debtor { get; init; }

    /// <summary>Payer message.</summary>
    public string? PayerMessage { get; init; }

    /// <summary>Payload location URL (<c>location</c>, without scheme), read by the payer's bank.</summary>
    public string? Location { get; init; }

    /// <summary>The BR Code to show as "Pix copia e cola" / QR code (<c>pixCopiaECola</c>), when the PSP returns it.</summary>
    public string? CopyPaste { get; init; }

    /// <summary>Fine (<c>cobv</c>).</summary>
    public PixFine? Fine { get; init; }

    /// <summary>Interest (<c>cobv</c>).</summary>
    public PixInterest? Interest { get; init; }

    /// <summary>Discount (<c>cobv</c>).</summary>
    public PixDiscount? Discount { get; init; }

    /// <summary>Payments received for this charge (<c>pix</c>), when the PSP includes them.</summary>
    public IReadOnlyList<PixPayment> Payments { get; init; } = [];

    /// <summary>Fields the SDK does not model, as the PSP sent them.</summary>
    public IReadOnlyDictionary<string, JsonElement> AdditionalData { get; init; } = new Dictionary<string, JsonElement>();
}
