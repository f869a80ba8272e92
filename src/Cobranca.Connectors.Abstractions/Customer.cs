namespace Cobranca.Connectors.Abstractions;

/// <summary>A customer as the billing backend knows it.</summary>
public sealed class Customer
{
    /// <summary>The backend's customer id.</summary>
    public required string Id { get; init; }

    /// <summary>Name or company name (razão social).</summary>
    public required string Name { get; init; }

    /// <summary>CPF/CNPJ, when the backend holds a valid one.</summary>
    public Document? Document { get; init; }

    /// <summary>Every phone number on file, normalised; unparseable ones are left out.</summary>
    public IReadOnlyList<PhoneNumber> Phones { get; init; } = [];

    /// <summary>E-mail, when on file.</summary>
    public string? Email { get; init; }

    /// <summary>False when the backend marks the customer inactive.</summary>
    public bool IsActive { get; init; } = true;

    /// <summary>Fields the SDK does not model, as the backend sent them (secrets already removed).</summary>
    public IReadOnlyDictionary<string, string?> Raw { get; init; } = EmptyRaw.Instance;

    /// <inheritdoc />
    public override string ToString() => $"Customer {Id} ({Document?.Mask() ?? "no document"})";
}
