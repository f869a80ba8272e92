using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Workflows;

/// <summary>
/// One step of a <see cref="DunningSchedule"/>: on <see cref="Day"/> days from an invoice's due date (negative = before),
/// do <see cref="Action"/>. Create with <see cref="Notify"/>, <see cref="SuspensionNotice"/>, <see cref="ThrottleTo"/> or
/// <see cref="Suspend"/>, or load a schedule from JSON.
/// </summary>
public sealed record DunningStep
{
    /// <summary>Stable id of the step (part of the idempotency key: do not rename a step that already ran).</summary>
    public required string Key { get; init; }

    /// <summary>Day offset from the due date: -3 = three days before, 0 = due date, 10 = ten days late.</summary>
    public required int Day { get; init; }

    /// <summary>What to do.</summary>
    public required DunningActionKind Action { get; init; }

    /// <summary>The host's message template key, for <see cref="DunningActionKind.Notify"/>.</summary>
    public string? TemplateKey { get; init; }

    /// <summary>The reduced speed, for <see cref="DunningActionKind.Throttle"/>.</summary>
    public Bandwidth? Limit { get; init; }

    /// <summary>
    /// True for the formal notice of overdue debt that starts the RGC clock (Res. 765/2023 art. 70: suspension only 15 days
    /// after it). Its template must carry the art. 71 content: reasons, suspension/rescission rules and deadlines, amount
    /// and reference month, possible credit-bureau registration after rescission, and the restore deadline after payment.
    /// </summary>
    public bool IsSuspensionNotice { get; init; }

    /// <summary>A reminder/collection message.</summary>
    /// <param name="key">Step id.</param>
    /// <param name="day">Offset from the due date.</param>
    /// <param name="templateKey">Template key for the host's sender.</param>
    public static DunningStep Notify(string key, int day, string templateKey) =>
        new() { Key = key, Day = day, Action = DunningActionKind.Notify, TemplateKey = templateKey };

    /// <summary>The formal suspension notice (see <see cref="IsSuspensionNotice"/>).</summary>
    /// <param name="key">Step id.</param>
    /// <param name="day">Offset from the due date (must be after it).</param>
    /// <param name="templateKey">Template key for the host's sender.</param>
    public static DunningStep SuspensionNotice(string key, int day, string templateKey) =>
        new() { Key = key, Day = day, Action = DunningActionKind.Notify, TemplateKey = templateKey, IsSuspensionNotice = true };

    /// <summary>A speed reduction.</summary>
    /// <param name="key">Step id.</param>
    /// <param name="day">Offset from the due date.</param>
    /// <param name="limit">The reduced speed.</param>
    public static DunningStep ThrottleTo(string key, int day, Bandwidth limit) =>
        new() { Key = key, Day = day, Action = DunningActionKind.Throttle, Limit = limit };

    /// <summary>A suspension (block).</summary>
    /// <param name="key">Step id.</param>
    /// <param name="day">Offset from the due date.</param>
    public static DunningStep Suspend(string key, int day) =>
        new() { Key = key, Day = day, Action = DunningActionKind.Block };
}
