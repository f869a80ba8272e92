namespace Cobranca.Connectors.Pix;

/// <summary>What one <c>rec</c>/<c>cobr</c> webhook delivery (or a sweep) did.</summary>
public sealed class PixRecurrenceWebhookResult
{
    /// <summary>False when the body was not a <c>{"recs":[…]}</c> or <c>{"cobsr":[…]}</c> body.</summary>
    public bool IsWellFormed { get; init; } = true;

    /// <summary>Items looked at.</summary>
    public int Received { get; init; }

    /// <summary>Events raised now (each fact once).</summary>
    public IReadOnlyList<PixRecurrenceEvent> Events { get; init; } = [];

    /// <summary>Items whose facts were already raised (redelivery) or that carry nothing new.</summary>
    public int Duplicates { get; init; }

    /// <summary>Items the PSP does not confirm (unknown id, or the callback disagrees with the PSP's record).</summary>
    public int Rejected { get; init; }

    /// <summary>Items that could not be checked now (PSP erroring); a redelivery will retry them.</summary>
    public int Failed { get; init; }

    /// <summary>400 for a malformed body, 503 when some item failed (so the PSP redelivers), otherwise 200.</summary>
    public int SuggestedStatusCode => !IsWellFormed ? 400 : Failed > 0 ? 503 : 200;
}
