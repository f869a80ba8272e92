namespace Cobranca.Connectors.Abstractions;

/// <summary>Result of <see cref="IBillingSystem.RequestTrustUnlockAsync"/>.</summary>
public sealed class TrustUnlockResult
{
    /// <summary>The outcome.</summary>
    public required TrustUnlockOutcome Outcome { get; init; }

    /// <summary>Until when the contract stays released, when the backend says.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>The backend's message, for refusals.</summary>
    public string? Reason { get; init; }

    /// <summary>The backend's own code (for IXC: 106, 107, 109, 113 ...).</summary>
    public string? ProviderCode { get; init; }

    /// <summary>True for <see cref="TrustUnlockOutcome.Granted"/> and <see cref="TrustUnlockOutcome.AlreadyActive"/>.</summary>
    public bool IsSuccess => Outcome is TrustUnlockOutcome.Granted or TrustUnlockOutcome.AlreadyActive;

    /// <summary>A granted result.</summary>
    /// <param name="until">Until when, if known.</param>
    /// <param name="providerCode">The backend's code.</param>
    public static TrustUnlockResult Granted(DateTimeOffset? until, string? providerCode = null) =>
        new() { Outcome = TrustUnlockOutcome.Granted, Until = until, ProviderCode = providerCode };

    /// <summary>An already-active result.</summary>
    /// <param name="providerCode">The backend's code.</param>
    public static TrustUnlockResult AlreadyActive(string? providerCode = null) =>
        new() { Outcome = TrustUnlockOutcome.AlreadyActive, ProviderCode = providerCode };

    /// <summary>A refusal.</summary>
    /// <param name="reason">Why.</param>
    /// <param name="providerCode">The backend's code.</param>
    public static TrustUnlockResult NotEligible(string reason, string? providerCode = null) =>
        new() { Outcome = TrustUnlockOutcome.NotEligible, Reason = reason, ProviderCode = providerCode };

    /// <summary>A limit-reached refusal.</summary>
    /// <param name="reason">Why.</param>
    /// <param name="providerCode">The backend's code.</param>
    public static TrustUnlockResult LimitReached(string reason, string? providerCode = null) =>
        new() { Outcome = TrustUnlockOutcome.LimitReached, Reason = reason, ProviderCode = providerCode };
}
