namespace Cobranca.Connectors.MikroTik;

/// <summary>Settings of a <see cref="MikroTikAccessController"/>: the router connection plus the strategy and its names.</summary>
public sealed class MikroTikAccessControllerOptions : RouterOsClientOptions
{
    /// <summary>The enforcement strategy of this router. Default <see cref="MikroTikAccessStrategy.AddressList"/>.</summary>
    public MikroTikAccessStrategy Strategy { get; set; } = MikroTikAccessStrategy.AddressList;

    /// <summary>Address-list holding blocked subscribers (<see cref="MikroTikAccessStrategy.AddressList"/>). Default <c>bloqueados</c>.</summary>
    public string AddressList { get; set; } = "bloqueados";

    /// <summary>
    /// Optional entry timeout for address-list blocks (the router removes the entry by itself; an expired block silently
    /// unblocks). A <see cref="Abstractions.BlockRequest.Duration"/> overrides it per call.
    /// </summary>
    public TimeSpan? AddressListTimeout { get; set; }

    /// <summary>PPP profile that blocks (<see cref="MikroTikAccessStrategy.PppProfileSwap"/>), e.g. <c>bloqueio</c>.</summary>
    public string? BlockProfile { get; set; }

    /// <summary>PPP profile that throttles (<see cref="MikroTikAccessStrategy.PppProfileSwap"/>), e.g. <c>reduzido</c>.</summary>
    public string? ThrottleProfile { get; set; }

    /// <summary>
    /// Profile to restore on unblock when the secret's comment carries no remembered profile (for secrets moved by
    /// something other than this SDK). Without it such an unblock fails instead of guessing.
    /// </summary>
    public string? DefaultProfile { get; set; }

    /// <summary>Kick the PPP session after changing the secret (PPP strategies). Default true (changes apply at reconnect).</summary>
    public bool KickAfterChange { get; set; } = true;

    /// <summary>ASCII prefix of the comments the SDK writes (<c>cobranca:...</c>). Default <c>cobranca</c>.</summary>
    public string CommentPrefix { get; set; } = "cobranca";

    /// <summary>How many ids go in one comma-separated remove or set. Default 100.</summary>
    public int BatchIdsPerCommand { get; set; } = 100;

    /// <summary>
    /// When the connection drops during <see cref="MikroTikAccessController.ApplyAsync"/>, how many times to reconnect,
    /// re-read the state and continue with the items that were not confirmed (nothing is re-sent blindly). Default 1.
    /// </summary>
    public int BatchResumeAttempts { get; set; } = 1;

    /// <summary>
    /// Coalesce concurrent <see cref="MikroTikAccessController.UnblockAsync"/> calls into bulk rounds (one read, pipelined
    /// writes, batched removes) while a round is running. Default true. A lone unblock is never delayed.
    /// </summary>
    public bool CoalesceUnblocks { get; set; } = true;

    /// <summary>Name reported in <see cref="Abstractions.AccessControllerInfo.Name"/>. Default <c>mikrotik</c>.</summary>
    public string Name { get; set; } = MikroTikTelemetry.ProviderName;

    /// <inheritdoc />
    public override IReadOnlyList<string> Validate()
    {
        var errors = base.Validate().ToList();
        if (!Enum.IsDefined(Strategy)) errors.Add($"{nameof(Strategy)} is not a known strategy.");
        if (Strategy == MikroTikAccessStrategy.AddressList && !IsAsciiName(AddressList))
            errors.Add($"{nameof(AddressList)} must be a non-empty ASCII name without spaces.");
        if (Strategy == MikroTikAccessStrategy.PppProfileSwap)
        {
            if (BlockProfile is null && ThrottleProfile is null)
                errors.Add($"{nameof(BlockProfile)} or {nameof(ThrottleProfile)} is required for {nameof(MikroTikAccessStrategy.PppProfileSwap)}.");
            if (BlockProfile is not null && BlockProfile == ThrottleProfile)
                errors.Add($"{nameof(BlockProfile)} and {nameof(ThrottleProfile)} must differ.");
        }
        if (AddressListTimeout is { } t && t <= TimeSpan.Zero) errors.Add($"{nameof(AddressListTimeout)} must be positive.");
        if (!IsAsciiName(CommentPrefix)) errors.Add($"{nameof(CommentPrefix)} must be a non-empty ASCII word.");
        if (BatchIdsPerCommand is < 1 or > 1000) errors.Add($"{nameof(BatchIdsPerCommand)} must be between 1 and 1000.");
        if (BatchResumeAttempts is < 0 or > 5) errors.Add($"{nameof(BatchResumeAttempts)} must be between 0 and 5.");
        if (string.IsNullOrWhiteSpace(Name)) errors.Add($"{nameof(Name)} is required.");
        return errors;
    }

    private static bool IsAsciiName(string? s) =>
        !string.IsNullOrEmpty(s) && s.All(c => c is > ' ' and <= '~' && c != '=' && c != ',');
}
