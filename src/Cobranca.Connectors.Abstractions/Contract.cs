namespace Cobranca.Connectors.Abstractions;

/// <summary>A service contract of a customer and its access state as the billing backend reports it.</summary>
public sealed class Contract
{
    /// <summary>The backend's contract id.</summary>
    public required string Id { get; init; }

    /// <summary>The owning customer's id.</summary>
    public required string CustomerId { get; init; }

    /// <summary>Plan or product name, when known.</summary>
    public string? PlanName { get; init; }

    /// <summary>PPPoE/hotspot login bound to the contract, when known.</summary>
    public string? Login { get; init; }

    /// <summary>The access state mapped from the backend's codes.</summary>
    public required AccessState Access { get; init; }

    /// <summary>Fields the SDK does not model, as the backend sent them (secrets already removed).</summary>
    public IReadOnlyDictionary<string, string?> Raw { get; init; } = EmptyRaw.Instance;

    /// <summary>A <see cref="Subscriber"/> that identifies this contract to an access controller.</summary>
    public Subscriber ToSubscriber() => new() { ContractId = Id, CustomerId = CustomerId, Login = Login };
}
