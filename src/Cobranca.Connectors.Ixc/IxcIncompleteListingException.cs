using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Ixc;

/// <summary>
/// IXC kept answering a listing page with fewer rows than its own <c>total</c> says the page holds (a short or empty
/// page before the end), even after the page was asked again. The rows already streamed are correct, but the listing is
/// incomplete: the SDK never truncates a listing silently. Often a server or proxy problem; try again later.
/// </summary>
public class IxcIncompleteListingException : ConnectorApiException
{
    /// <summary>Creates an exception (standard constructor).</summary>
    public IxcIncompleteListingException()
        : this("IXC returned an incomplete listing.")
    {
    }

    /// <summary>Creates an exception (standard constructor; <see cref="ConnectorException.Operation"/> is empty).</summary>
    /// <param name="message">What happened; redacted on construction.</param>
    public IxcIncompleteListingException(string message)
        : this(message, null)
    {
    }

    /// <summary>Creates an exception (standard constructor; <see cref="ConnectorException.Operation"/> is empty).</summary>
    /// <param name="message">What happened; redacted on construction.</param>
    /// <param name="innerException">The cause.</param>
    public IxcIncompleteListingException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Table = string.Empty;
    }

    /// <summary>Creates an exception.</summary>
    /// <param name="table">The table listed.</param>
    /// <param name="page">The page (1-based) that stayed short.</param>
    /// <param name="expectedRows">Rows the page should hold according to <c>total</c>.</param>
    /// <param name="receivedRows">Rows the page held.</param>
    /// <param name="total">IXC's <c>total</c>.</param>
    public IxcIncompleteListingException(string table, int page, long expectedRows, int receivedRows, long total)
        : base(IxcClient.ProviderName, table + ".listar",
            $"IXC answered page {page} of the {table} listing with {receivedRows} of the {expectedRows} rows its total ({total}) implies, " +
            "even after asking again; the listing is incomplete.", 200, "incomplete-listing")
    {
        Table = table;
        Page = page;
        ExpectedRows = expectedRows;
        ReceivedRows = receivedRows;
        Total = total;
    }

    /// <summary>The table listed.</summary>
    public string Table { get; }

    /// <summary>The page (1-based) that stayed short.</summary>
    public int Page { get; }

    /// <summary>Rows the page should hold according to <c>total</c>.</summary>
    public long ExpectedRows { get; }

    /// <summary>Rows the page held.</summary>
    public int ReceivedRows { get; }

    /// <summary>IXC's <c>total</c> for the listing.</summary>
    public long Total { get; }
}
