using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Boleto.Pdf;

/// <summary>The beneficiary (beneficiário) or the payer (pagador) printed on a boleto.</summary>
public sealed class BoletoPdfParty
{
    /// <summary>Name or company name.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// CPF or CNPJ. The beneficiary's is printed in full (FEBRABAN requires it); a payer's CPF is printed masked
    /// (<c>***.456.789-**</c>) as banks print it since the LGPD, a payer's CNPJ in full.
    /// </summary>
    public Document? Document { get; init; }

    /// <summary>Address lines (street and number; district, city/UF, CEP); at most two are printed.</summary>
    public IReadOnlyList<string> Address { get; init; } = [];
}
