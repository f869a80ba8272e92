namespace Cobranca.Connectors.Pix.Internal;

/// <summary>Wire codes of the Pix Automático enums, both ways; unknown codes read as <c>Unknown</c> (never thrown).</summary>
internal static class PixRecurrenceCodes
{
    private static readonly (PixRecurrenceStatus, string)[] RecStatus =
    [
        (PixRecurrenceStatus.Created, "CRIADA"), (PixRecurrenceStatus.Approved, "APROVADA"), (PixRecurrenceStatus.Rejected, "REJEITADA"),
        (PixRecurrenceStatus.Expired, "EXPIRADA"), (PixRecurrenceStatus.Cancelled, "CANCELADA"),
    ];

    private static readonly (PixRecurrenceConfirmationStatus, string)[] SolicStatus =
    [
        (PixRecurrenceConfirmationStatus.Created, "CRIADA"), (PixRecurrenceConfirmationStatus.Sent, "ENVIADA"),
        (PixRecurrenceConfirmationStatus.Received, "RECEBIDA"), (PixRecurrenceConfirmationStatus.Rejected, "REJEITADA"),
        (PixRecurrenceConfirmationStatus.Accepted, "ACEITA"), (PixRecurrenceConfirmationStatus.Expired, "EXPIRADA"),
        (PixRecurrenceConfirmationStatus.Cancelled, "CANCELADA"),
    ];

    private static readonly (PixRecurringChargeStatus, string)[] CobrStatus =
    [
        (PixRecurringChargeStatus.Created, "CRIADA"), (PixRecurringChargeStatus.Active, "ATIVA"), (PixRecurringChargeStatus.Completed, "CONCLUIDA"),
        (PixRecurringChargeStatus.Expired, "EXPIRADA"), (PixRecurringChargeStatus.Rejected, "REJEITADA"), (PixRecurringChargeStatus.Cancelled, "CANCELADA"),
    ];

    private static readonly (PixChargeAttemptStatus, string)[] AttemptStatus =
    [
        (PixChargeAttemptStatus.Requested, "SOLICITADA"), (PixChargeAttemptStatus.Scheduled, "AGENDADA"), (PixChargeAttemptStatus.Paid, "PAGA"),
        (PixChargeAttemptStatus.Cancelled, "CANCELADA"), (PixChargeAttemptStatus.Rejected, "REJEITADA"), (PixChargeAttemptStatus.Expired, "EXPIRADA"),
    ];

    private static readonly (PixRecurrencePeriodicity, string)[] Periodicity =
    [
        (PixRecurrencePeriodicity.Weekly, "SEMANAL"), (PixRecurrencePeriodicity.Monthly, "MENSAL"), (PixRecurrencePeriodicity.Quarterly, "TRIMESTRAL"),
        (PixRecurrencePeriodicity.Semiannual, "SEMESTRAL"), (PixRecurrencePeriodicity.Annual, "ANUAL"),
    ];

    private static readonly (PixRetryPolicy, string)[] Retry =
        [(PixRetryPolicy.NotAllowed, "NAO_PERMITE"), (PixRetryPolicy.ThreeRetriesInSevenDays, "PERMITE_3R_7D")];

    private static readonly (PixJourney, string)[] Journey =
    [
        (PixJourney.Journey1, "JORNADA_1"), (PixJourney.Journey2, "JORNADA_2"), (PixJourney.Journey3, "JORNADA_3"),
        (PixJourney.Journey4, "JORNADA_4"), (PixJourney.AwaitingDefinition, "AGUARDANDO_DEFINICAO"),
    ];

    public static PixRecurrenceStatus ToRecStatus(string? code) => Read(RecStatus, code);
    public static string Code(PixRecurrenceStatus value) => Write(RecStatus, value);
    public static PixRecurrenceConfirmationStatus ToSolicStatus(string? code) => Read(SolicStatus, code);
    public static PixRecurringChargeStatus ToCobrStatus(string? code) => Read(CobrStatus, code);
    public static string Code(PixRecurringChargeStatus value) => Write(CobrStatus, value);
    public static PixChargeAttemptStatus ToAttemptStatus(string? code) => Read(AttemptStatus, code);
    public static PixRecurrencePeriodicity ToPeriodicity(string? code) => Read(Periodicity, code);
    public static string Code(PixRecurrencePeriodicity value) => Write(Periodicity, value);
    public static PixRetryPolicy ToRetryPolicy(string? code) => Read(Retry, code);
    public static string Code(PixRetryPolicy value) => Write(Retry, value);
    public static PixJourney ToJourney(string? code) => Read(Journey, code);

    private static T Read<T>((T Value, string Code)[] map, string? code)
        where T : struct, Enum
    {
        if (code is null) return default;
        foreach (var (value, wire) in map)
        {
            if (string.Equals(wire, code.Trim(), StringComparison.OrdinalIgnoreCase)) return value;
        }

        return default;
    }

    private static string Write<T>((T Value, string Code)[] map, T value)
        where T : struct, Enum
    {
        foreach (var (v, wire) in map)
        {
            if (EqualityComparer<T>.Default.Equals(v, value)) return wire;
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, $"{typeof(T).Name}.{value} has no wire code.");
    }
}
