namespace Cobranca.Connectors.Pix;

/// <summary>An immediate charge (<c>cob</c>): pay now, expires <see cref="Expiration"/> after creation.</summary>
public sealed class PixImmediateChargeRequest
{
    /// <summary>The receiver's Pix key (<c>chave</c>) the money goes to. Must belong to the PSP account.</summary>
    public required string Key { get; init; }

    /// <summary>Amount in BRL (<c>valor.original</c>, sent with two decimals).</summary>
    public required decimal Amount { get; init; }

    /// <summary>Lifetime from creation (<c>calendario.expiracao</c>, whole seconds). Null = PSP default (86400 s).</summary>
    public TimeSpan? Expiration { get; init; }

    /// <summary>Optional payer (<c>devedor</c>).</summary>
    public PixDebtor? Debtor { get; init; }

    /// <summary>Text shown to the payer (<c>solicitacaoPagador</c>, up to 140 characters).</summary>
    public string? PayerMessage { get; init; }

    /// <summary>Extra labelled lines shown to the payer (<c>infoAdicionais</c>).</summary>
    public IReadOnlyList<PixAdditionalInfo> AdditionalInfo { get; init; } = [];
}
