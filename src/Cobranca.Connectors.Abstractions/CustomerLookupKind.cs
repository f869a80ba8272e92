namespace Cobranca.Connectors.Abstractions;

/// <summary>What a <see cref="CustomerLookup"/> searches by.</summary>
public enum CustomerLookupKind
{
    /// <summary>CPF or CNPJ.</summary>
    Document,
    /// <summary>Phone number.</summary>
    Phone,
    /// <summary>The backend's customer id.</summary>
    Id,
    /// <summary>PPPoE/hotspot login.</summary>
    Login,
}
