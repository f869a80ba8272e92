namespace Cobranca.Connectors.Abstractions;

/// <summary>A customer search criterion. Create one with <see cref="ByDocument(Document)"/>, <see cref="ByPhone(PhoneNumber)"/>,
/// <see cref="ById(string)"/> or <see cref="ByLogin(string)"/>.</summary>
public sealed class CustomerLookup
{
    private CustomerLookup(CustomerLookupKind kind, Document? document, PhoneNumber? phone, string? value)
    {
        Kind = kind;
        Document = document;
        Phone = phone;
        Value = value;
    }

    /// <summary>What is searched by.</summary>
    public CustomerLookupKind Kind { get; }

    /// <summary>The document, when <see cref="Kind"/> is <see cref="CustomerLookupKind.Document"/>.</summary>
    public Document? Document { get; }

    /// <summary>The phone, when <see cref="Kind"/> is <see cref="CustomerLookupKind.Phone"/>.</summary>
    public PhoneNumber? Phone { get; }

    /// <summary>The id or login, when <see cref="Kind"/> is <see cref="CustomerLookupKind.Id"/> or <see cref="CustomerLookupKind.Login"/>.</summary>
    public string? Value { get; }

    /// <summary>Search by CPF/CNPJ.</summary>
    /// <param name="document">A validated document.</param>
    /// <exception cref="ArgumentException">The document is <c>default</c> (empty): a search by nothing could match everyone.</exception>
    public static CustomerLookup ByDocument(Document document)
    {
        if (document.Value.Length == 0) throw new ArgumentException("The document is empty.", nameof(document));
        return new(CustomerLookupKind.Document, document, null, null);
    }

    /// <summary>Search by CPF/CNPJ given as text, masked or digits only.</summary>
    /// <param name="document">The document text.</param>
    /// <exception cref="FormatException">The text is not a valid CPF or CNPJ.</exception>
    public static CustomerLookup ByDocument(string document) => ByDocument(Abstractions.Document.Parse(document));

    /// <summary>Search by phone; every customer with a matching phone field is returned.</summary>
    /// <param name="phone">A normalised phone number.</param>
    /// <exception cref="ArgumentException">The phone is <c>default</c> (empty): a search by nothing could match everyone.</exception>
    public static CustomerLookup ByPhone(PhoneNumber phone)
    {
        if (phone.Number.Length == 0) throw new ArgumentException("The phone number is empty.", nameof(phone));
        return new(CustomerLookupKind.Phone, null, phone, null);
    }

    /// <summary>Search by the backend's customer id.</summary>
    /// <param name="id">The id.</param>
    public static CustomerLookup ById(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return new(CustomerLookupKind.Id, null, null, id.Trim());
    }

    /// <summary>Search by PPPoE/hotspot login.</summary>
    /// <param name="login">The login.</param>
    public static CustomerLookup ByLogin(string login)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(login);
        return new(CustomerLookupKind.Login, null, null, login.Trim());
    }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        CustomerLookupKind.Document => $"document {Document?.Mask()}",
        CustomerLookupKind.Phone => $"phone {Phone?.Mask()}",
        _ => $"{Kind.ToString().ToLowerInvariant()} {Value}",
    };
}
