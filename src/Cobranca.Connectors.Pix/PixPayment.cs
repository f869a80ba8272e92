using System.Text.Json;

namespace Cobranca.Connectors.Pix;

/// <summary>A Pix received (<c>Pix</c> object), from <c>GET /pix</c>, <c>GET /pix/{e2eid}</c> or a webhook.</summary>
public sealed class PixPayment
{
    /// <summary>End-to-end id (<c>endToEndId</c>, 32 characters): unique per payment in the whole Pix system.</summary>
    public required string EndToEndId { get; init; }

    /// <summary>The charge it paid (<c>txid</c>), when associated with one.</summary>
    public string? Txid { get; init; }

    /// <summary>Amount received.</summary>
    public decimal Amount { get; init; }

    /// <summary>When it was paid (<c>horario</c>).</summary>
    public DateTimeOffset PaidAt { get; init; }

    /// <summary>The receiver key that got the money.</summary>
    public string? Key { get; init; }

    /// <summary>Free text from the payer (<c>infoPagador</c>).</summary>
    public string? PayerInfo { get; init; }

    /// <summary>Payer, when the PSP sends it.</summary>
    public PixPayer? Payer { get; init; }

    /// <summary>Amount breakdown, when sent (typical for <c>cobv</c>).</summary>
    public PixAmountComponents? Components { get; init; }

    /// <summary>Refunds of this payment.</summary>
    public IReadOnlyList<PixRefund> Refunds { get; init; } = [];

    /// <summary>Fields the SDK does not model, as the PSP sent them.</summary>
    public IReadOnlyDictionary<string, JsonElement> AdditionalData { get; init; } = new Dictionary<string, JsonElement>();
}
