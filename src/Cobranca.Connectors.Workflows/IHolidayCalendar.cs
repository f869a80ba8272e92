namespace Cobranca.Connectors.Workflows;

/// <summary>Tells which dates are holidays (no notification, no suspension by default). <see cref="HolidayCalendar"/>
/// covers the national ones; hosts add state and municipal holidays.</summary>
public interface IHolidayCalendar
{
    /// <summary>True when <paramref name="date"/> is a holiday.</summary>
    /// <param name="date">A São Paulo calendar date.</param>
    bool IsHoliday(DateOnly date);
}
