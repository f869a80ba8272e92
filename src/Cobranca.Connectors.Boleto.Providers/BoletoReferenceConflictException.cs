using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Boleto.Providers;

/// <summary>
/// Two invoices map to the same boleto reference (a hash collision of <see cref="BoletoReference.ForInvoice"/>, or a
/// reused invoice id). Nothing was sent. Issue the second invoice's boleto with another attempt number.
/// </summary>
public sealed class BoletoReferenceConflictException : ConnectorException
{
    /// <summary>Creates an exception.</summary>
    public BoletoReferenceConflictException()
        : base("The boleto reference belongs to another invoice.")
    {
    }

    /// <summary>Creates an exception.</summary>
    /// <param name="message">A description.</param>
    public BoletoReferenceConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception.</summary>
    /// <param name="message">A description.</param>
    /// <param name="innerException">The cause.</param>
    public BoletoReferenceConflictException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for one provider.</summary>
    /// <param name="provider">The provider name.</param>
    /// <param name="reference">The reference.</param>
    /// <param name="existingInvoiceId">The invoice that holds it.</param>
    public BoletoReferenceConflictException(string provider, string reference, string existingInvoiceId)
        : base(provider, "boleto.register", $"Reference {reference} already belongs to invoice {existingInvoiceId}.")
    {
        Reference = reference;
        ExistingInvoiceId = existingInvoiceId;
    }

    /// <summary>The reference.</summary>
    public string? Reference { get; }

    /// <summary>The invoice that already holds it.</summary>
    public string? ExistingInvoiceId { get; }
}
