using System.Net;

namespace Cobranca.Connectors.Abstractions;

/// <summary>
/// Identifies a customer's access point to an <see cref="IAccessController"/>. Fill what the backend needs:
/// ERPs use <see cref="ContractId"/>; MikroTik strategies use <see cref="Login"/> (PPPoE) or <see cref="IpAddress"/>.
/// </summary>
public sealed record Subscriber
{
    /// <summary>The ERP's contract id.</summary>
    public string? ContractId { get; init; }

    /// <summary>The ERP's customer id.</summary>
    public string? CustomerId { get; init; }

    /// <summary>PPPoE/hotspot login.</summary>
    public string? Login { get; init; }

    /// <summary>The customer's IPv4/IPv6 address.</summary>
    public IPAddress? IpAddress { get; init; }

    /// <summary>
    /// The customer's IPv6 prefix (typically the DHCPv6-PD delegated prefix, e.g. <c>2001:db8:100::/56</c>) for dual-stack
    /// blocking. Access controllers that can look it up (a MikroTik PPP session) also use the one they find.
    /// </summary>
    public IPNetwork? Ipv6Prefix { get; init; }

    /// <summary>MAC address (as text, any common notation).</summary>
    public string? MacAddress { get; init; }

    /// <summary>
    /// The contract as its billing system reported it in a read the caller made just before this call (for example the
    /// debt re-read of a payment → unblock), or null. An access controller of that same billing system may take the
    /// contract's current state and login from it instead of reading them again (it still reads back to confirm a
    /// change it applied); controllers of other systems ignore it. Leave it null when the read may be stale.
    /// Not part of <see cref="ToString"/>.
    /// </summary>
    public Contract? Contract { get; init; }

    /// <summary>A subscriber identified by contract id.</summary>
    /// <param name="contractId">The contract id.</param>
    public static Subscriber ForContract(string contractId) => new() { ContractId = contractId };

    /// <summary>A subscriber identified by PPPoE login.</summary>
    /// <param name="login">The login.</param>
    public static Subscriber ForLogin(string login) => new() { Login = login };

    /// <summary>A subscriber identified by IP address.</summary>
    /// <param name="address">The address.</param>
    public static Subscriber ForIp(IPAddress address) => new() { IpAddress = address };

    /// <inheritdoc />
    public override string ToString()
    {
        var parts = new List<string>(5);
        if (ContractId is not null) parts.Add($"contract {ContractId}");
        if (Login is not null) parts.Add($"login {Login}");
        if (IpAddress is not null) parts.Add($"ip {IpAddress}");
        if (Ipv6Prefix is { } prefix) parts.Add($"ipv6 {prefix}");
        if (MacAddress is not null) parts.Add($"mac {MacAddress}");
        return parts.Count == 0 ? "subscriber (empty)" : string.Join(", ", parts);
    }
}
