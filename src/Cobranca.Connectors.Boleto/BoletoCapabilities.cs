namespace Cobranca.Connectors.Boleto;

/// <summary>What an <see cref="IBoletoProvider"/> can do.</summary>
[Flags]
#pragma warning disable CA1711 // "Flags" enum naming is fine; the suffix rule targets type names ending in Flags/Enum
public enum BoletoCapabilities
#pragma warning restore CA1711
{
    /// <summary>Nothing beyond register, get and find by reference (which every provider has).</summary>
    None = 0,

    /// <summary>Registers hybrid boletos (bolepix/bolecode/Bolix): the record carries a Pix copia-e-cola and txid.</summary>
    HybridPix = 1,

    /// <summary>Registration is asynchronous (Inter): create returns an id, the barcode comes later.</summary>
    AsyncRegistration = 2,

    /// <summary>The client chooses the nosso número (BB): a retried create reuses it and the bank refuses the duplicate.</summary>
    ClientAssignsNossoNumero = 4,

    /// <summary>The bank refuses a second boleto with the same client reference (known duplicate-reference rule).</summary>
    RejectsDuplicateReference = 8,

    /// <summary><see cref="IBoletoProvider.ListAsync"/> works.</summary>
    ListByDate = 16,

    /// <summary><see cref="IBoletoProvider.CancelAsync"/> works.</summary>
    Cancel = 32,

    /// <summary><see cref="IBoletoProvider.GetPdfAsync"/> works (the bank serves its own PDF).</summary>
    ServerPdf = 64,

    /// <summary><see cref="IBoletoProvider.ListPaidAsync"/> works (daily reconciliation over the API).</summary>
    PaidListing = 128,

    /// <summary>The provider pushes webhooks (always hints: re-query before trusting).</summary>
    Webhook = 256,
}
