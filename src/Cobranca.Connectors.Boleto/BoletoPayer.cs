using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Boleto;

/// <summary>Who pays the boleto (the "pagador"). Banks require name, document and a postal address.</summary>
public sealed class BoletoPayer
{
    /// <summary>Name (banks truncate: Caixa 40, most 50–60 characters).</summary>
    public required string Name { get; init; }

    /// <summary>CPF or CNPJ (personal data: never logged unmasked).</summary>
    public required Document Document { get; init; }

    /// <summary>Street (logradouro).</summary>
    public string Street { get; init; } = string.Empty;

    /// <summary>House number.</summary>
    public string Number { get; init; } = string.Empty;

    /// <summary>Complement.</summary>
    public string? Complement { get; init; }

    /// <summary>Neighbourhood (bairro).</summary>
    public string District { get; init; } = string.Empty;

    /// <summary>City.</summary>
    public string City { get; init; } = string.Empty;

    /// <summary>State (UF, two letters).</summary>
    public string State { get; init; } = string.Empty;

    /// <summary>CEP (8 digits; formatting is stripped).</summary>
    public string ZipCode { get; init; } = string.Empty;

    /// <summary>E-mail, optional.</summary>
    public string? Email { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"Payer {Document.Mask()}";
}
