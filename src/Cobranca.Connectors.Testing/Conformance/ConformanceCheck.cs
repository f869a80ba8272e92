namespace Cobranca.Connectors.Testing.Conformance;

/// <summary>One named check of the conformance kit.</summary>
/// <param name="Name">Stable name, such as <c>billing.debt.overdue-vs-upcoming</c>.</param>
/// <param name="Contract">The contract it exercises.</param>
/// <param name="Description">What it verifies, in one sentence.</param>
public sealed record ConformanceCheck(string Name, ConformanceContract Contract, string Description);
