namespace Cobranca.Connectors.Abstractions;

/// <summary>The kind of a Brazilian taxpayer document.</summary>
public enum DocumentKind
{
    /// <summary>CPF (individual, 11 digits).</summary>
    Cpf,
    /// <summary>CNPJ (company, 14 characters; alphanumeric since July 2026, IN RFB 2.229/2024).</summary>
    Cnpj,
}
