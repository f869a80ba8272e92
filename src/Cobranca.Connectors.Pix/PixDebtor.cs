using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Pix;

/// <summary>
/// The payer a charge is addressed to (<c>devedor</c>). Required for <c>cobv</c>; optional for <c>cob</c>.
/// The document goes to <c>cpf</c> or <c>cnpj</c> according to its kind.
/// </summary>
public sealed class PixDebtor
{
    /// <summary>CPF or CNPJ. Personal data: <see cref="Document.ToString"/> masks it.</summary>
    public required Document Document { get; init; }

    /// <summary>Name (<c>nome</c>, up to 200 characters).</summary>
    public required string Name { get; init; }

    /// <summary>E-mail (<c>cobv</c> only).</summary>
    public string? Email { get; init; }

    /// <summary>Street address (<c>logradouro</c>, <c>cobv</c> only).</summary>
    public string? Street { get; init; }

    /// <summary>City (<c>cidade</c>, <c>cobv</c> only).</summary>
    public string? City { get; init; }

    /// <summary>State, two letters (<c>uf</c>, <c>cobv</c> only).</summary>
    public string? State { get; init; }

    /// <summary>Postal code, 8 digits (<c>cep</c>, <c>cobv</c> only).</summary>
    public string? PostalCode { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Document.Mask()}";
}
