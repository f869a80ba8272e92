namespace Cobranca.Connectors.Ixc;

/// <summary>A PPPoE/hotspot login of IXC's <c>radusuarios</c> table (its cleartext <c>senha</c> is never kept).</summary>
public sealed class IxcRadiusUser
{
    /// <summary>The <c>radusuarios</c> row id (what <c>desconectar_clientes</c> takes).</summary>
    public required string Id { get; init; }

    /// <summary>The customer id, when linked.</summary>
    public string? CustomerId { get; init; }

    /// <summary>The contract id, when linked.</summary>
    public string? ContractId { get; init; }

    /// <summary>The PPPoE login.</summary>
    public required string Login { get; init; }

    /// <summary>False when IXC marks the login inactive (<c>ativo = N</c>).</summary>
    public bool IsActive { get; init; } = true;

    /// <summary>IXC's <c>online</c> code: <c>S</c>, <c>N</c>, <c>SS</c> (read as a double session) or <c>I</c>.</summary>
    public string? OnlineCode { get; init; }

    /// <summary>True when <see cref="OnlineCode"/> is <c>S</c> or <c>SS</c>.</summary>
    public bool IsOnline => OnlineCode is not null &&
        (OnlineCode.Equals("S", StringComparison.OrdinalIgnoreCase) || OnlineCode.Equals("SS", StringComparison.OrdinalIgnoreCase));

    /// <summary>The session's IP address as IXC reports it.</summary>
    public string? IpAddress { get; init; }

    /// <summary>The session's MAC address as IXC reports it.</summary>
    public string? MacAddress { get; init; }

    /// <summary>Every other field as IXC sent it, secret-like fields removed.</summary>
    public IReadOnlyDictionary<string, string?> Raw { get; init; } = new Dictionary<string, string?>();
}
