using System.Globalization;

namespace Cobranca.Connectors.Workflows;

/// <summary>
/// A daily São Paulo time window in which no message is sent, from <see cref="Start"/> (inclusive) to <see cref="End"/>
/// (exclusive); it may wrap midnight (20:00–08:00).
/// </summary>
/// <param name="Start">Start of the quiet period.</param>
/// <param name="End">End of the quiet period: messages may go from this time on.</param>
public readonly record struct QuietHours(TimeOnly Start, TimeOnly End)
{
    /// <summary>20:00–08:00, the conservative default (CDC art. 71 is read as "not at night").</summary>
    public static QuietHours Default { get; } = new(new TimeOnly(20, 0), new TimeOnly(8, 0));

    /// <summary>True when <paramref name="time"/> falls in the quiet period.</summary>
    /// <param name="time">A São Paulo wall-clock time.</param>
    public bool Contains(TimeOnly time) => Start <= End
        ? time >= Start && time < End
        : time >= Start || time < End;

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Start:HH\\:mm}-{End:HH\\:mm}");
}
