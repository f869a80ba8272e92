namespace Cobranca.Connectors.Pix;

/// <summary>The kind of Pix key (DICT key type) found in or written to a static BR Code.</summary>
public enum BrCodeKeyType
{
    /// <summary>CPF: 11 digits with valid check digits.</summary>
    Cpf = 0,

    /// <summary>CNPJ: 14 characters (numeric or alphanumeric) with valid check digits.</summary>
    Cnpj,

    /// <summary>Phone: <c>+55</c>, area code and number (E.164).</summary>
    Phone,

    /// <summary>E-mail address (lower case).</summary>
    Email,

    /// <summary>Random key (EVP): a lower-case UUID with hyphens.</summary>
    Evp,
}
