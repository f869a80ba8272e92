using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Testing;

/// <summary>An internet plan of the generated ISP.</summary>
/// <param name="Id">Plan id.</param>
/// <param name="Name">Commercial name, e.g. <c>"300 MEGA"</c>.</param>
/// <param name="MonthlyPrice">Monthly fee in BRL.</param>
/// <param name="Speed">Contracted speed.</param>
public sealed record IspPlan(string Id, string Name, decimal MonthlyPrice, Bandwidth Speed);
