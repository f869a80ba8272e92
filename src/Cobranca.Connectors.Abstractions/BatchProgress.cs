namespace Cobranca.Connectors.Abstractions;

/// <summary>Progress of a bulk operation.</summary>
/// <param name="Completed">Items finished so far (any outcome).</param>
/// <param name="Total">Items in the batch.</param>
/// <param name="Failed">Items failed so far.</param>
public readonly record struct BatchProgress(int Completed, int Total, int Failed);
