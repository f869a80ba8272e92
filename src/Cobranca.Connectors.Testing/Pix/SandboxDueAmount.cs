using System.Globalization;
using System.Text.Json.Nodes;

namespace Cobranca.Connectors.Testing.Pix;

/// <summary>
/// What the sandbox PSP charges for a <c>cobv</c> paid on a given São Paulo date: original + fine + interest after
/// the due date, − discount on or before it (BACEN <c>componentesValor</c>). Each component is rounded to centavos half
/// away from zero. Business-day modalities (juros 5–8, desconto 4 and 6) are counted over calendar days here.
/// </summary>
internal static class SandboxDueAmount
{
    public static (decimal Fine, decimal Interest, decimal Discount) Components(decimal original, DateOnly due, DateOnly paid, JsonObject? valor)
    {
        decimal fine = 0, interest = 0, discount = 0;
        var late = paid.DayNumber - due.DayNumber;
        if (late > 0)
        {
            if (Modality(valor?["multa"], out var m, out var v)) fine = m == 1 ? v : original * v / 100m;
            if (Modality(valor?["juros"], out m, out v))
            {
                interest = m switch
                {
                    1 or 5 => v * late,
                    2 or 6 => original * v / 100m * late,
                    3 or 7 => original * v / 100m / 30m * late,
                    _ => original * v / 100m / 365m * late,
                };
            }
        }
        else if (valor?["desconto"] is JsonObject d && Modality(d, out var m, out var v))
        {
            var early = due.DayNumber - paid.DayNumber;
            discount = m switch
            {
                1 or 2 => FixedDateDiscount(d, paid, m, original),
                3 or 4 => v * early,
                _ => original * v / 100m * early,
            };
        }

        return (Round(fine), Round(interest), Math.Min(Round(discount), original));
    }

    private static decimal FixedDateDiscount(JsonObject desconto, DateOnly paid, int modality, decimal original)
    {
        // The first step whose date is on or after the payment date applies.
        var step = (desconto["descontoDataFixa"] as JsonArray)?
            .Select(n => (Date: DateOnly.ParseExact(n!["data"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                          Value: decimal.Parse(n["valorPerc"]!.GetValue<string>(), CultureInfo.InvariantCulture)))
            .Where(x => x.Date >= paid)
            .OrderBy(x => x.Date)
            .FirstOrDefault();
        if (step is null || step.Value.Date == default) return 0;
        return modality == 1 ? step.Value.Value : original * step.Value.Value / 100m;
    }

    private static bool Modality(JsonNode? node, out int modality, out decimal value)
    {
        modality = 0;
        value = 0;
        if (node is not JsonObject o) return false;
        if (!int.TryParse(o["modalidade"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out modality)) return false;
        _ = decimal.TryParse(o["valorPerc"]?.ToString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
        return true;
    }

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
