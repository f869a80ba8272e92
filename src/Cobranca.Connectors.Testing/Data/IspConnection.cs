using System.Net;

namespace Cobranca.Connectors.Testing;

/// <summary>The network side of a generated contract: what a RADIUS/PPPoE server or a router knows about it.</summary>
/// <param name="ContractId">The contract it belongs to.</param>
/// <param name="Login">PPPoE login (unique, lower-case ASCII).</param>
/// <param name="Password">PPPoE password (generated test data, not a real secret).</param>
/// <param name="IpAddress">Fixed IPv4 address in 100.64.0.0/10 (CGNAT range).</param>
/// <param name="MacAddress">CPE MAC address, <c>AA:BB:CC:DD:EE:FF</c>.</param>
/// <param name="PlanId">The contracted <see cref="IspPlan"/>.</param>
public sealed record IspConnection(string ContractId, string Login, string Password, IPAddress IpAddress, string MacAddress, string PlanId);
