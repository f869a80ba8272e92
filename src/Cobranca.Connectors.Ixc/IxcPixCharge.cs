namespace Cobranca.Connectors.Ixc;

/// <summary>The Pix of an invoice as IXC's <c>get_pix</c> returns it.</summary>
public sealed class IxcPixCharge
{
    /// <summary>The invoice (<c>fn_areceber.id</c>).</summary>
    public required string InvoiceId { get; init; }

    /// <summary>The BR Code (copia-e-cola), CRC16-checked.</summary>
    public required string CopyPaste { get; init; }

    /// <summary>The charge's txid, when IXC reports it.</summary>
    public string? TxId { get; init; }

    /// <summary>The charge status at the PSP (<c>ATIVA</c> means it can still be paid), when reported.</summary>
    public string? Status { get; init; }

    /// <summary>The charged amount (<c>valor.original</c>), when reported.</summary>
    public decimal? Amount { get; init; }

    /// <summary>The gateway IXC used, when reported.</summary>
    public string? Gateway { get; init; }

    /// <summary>True when the status is <c>ATIVA</c> or not reported.</summary>
    public bool IsPayable => Status is null || Status.Equals("ATIVA", StringComparison.OrdinalIgnoreCase);
}
