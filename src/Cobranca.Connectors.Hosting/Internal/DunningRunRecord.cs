using Cobranca.Connectors.Workflows;

namespace Cobranca.Connectors.Hosting.Internal;

/// <summary>What the daily dunning service did for one local date (for tests and logs).</summary>
/// <param name="Date">The tenant-local date.</param>
/// <param name="StartedAt">The clock when the run started (or was skipped).</param>
/// <param name="Report">The report; null when skipped or failed.</param>
/// <param name="Skipped">Why the day was skipped (non-business day), or null.</param>
/// <param name="Error">The failure, or null.</param>
internal sealed record DunningRunRecord(DateOnly Date, DateTimeOffset StartedAt, DunningReport? Report, string? Skipped, Exception? Error);
