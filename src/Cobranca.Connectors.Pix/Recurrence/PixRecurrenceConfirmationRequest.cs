using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Pix;

/// <summary>Journey 1: ask the payer's bank to push the authorisation to its app (<c>POST /solicrec</c>). Needs the payer's account.</summary>
public sealed class PixRecurrenceConfirmationRequest
{
    /// <summary>The recurrence (<c>idRec</c>).</summary>
    public required string RecurrenceId { get; init; }

    /// <summary>The account holder's CPF or CNPJ.</summary>
    public required Document Payer { get; init; }

    /// <summary>The payer's account number.</summary>
    public required string Account { get; init; }

    /// <summary>The ISPB of the payer's bank (8 digits).</summary>
    public required string Ispb { get; init; }

    /// <summary>The branch, when the bank uses one.</summary>
    public string? Branch { get; init; }

    /// <summary>When the request expires (at most 30 days after sending); null = the PSP's default.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }
}
