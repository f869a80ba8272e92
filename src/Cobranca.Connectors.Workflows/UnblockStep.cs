using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Workflows;

/// <summary>One step of a payment → unblock attempt, for the audit trail.</summary>
/// <param name="Kind">What the step did.</param>
/// <param name="Succeeded">True when the step succeeded (or was already done by an earlier attempt).</param>
/// <param name="Detail">What happened, for people (never personal data).</param>
/// <param name="Controller">The access controller's name, for <see cref="UnblockStepKind.Unblock"/>.</param>
/// <param name="ContractId">The contract, for <see cref="UnblockStepKind.Unblock"/>.</param>
/// <param name="Change">What the controller reported, when it was called and answered.</param>
/// <param name="Error">Why it failed (redacted), when it failed.</param>
public sealed record UnblockStep(
    UnblockStepKind Kind,
    bool Succeeded,
    string Detail,
    string? Controller = null,
    string? ContractId = null,
    AccessChange? Change = null,
    string? Error = null);
