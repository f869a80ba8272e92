namespace Cobranca.Connectors.Boleto;

/// <summary>
/// A bank or PSP that registers boletos (bank APIs: Inter, Sicoob, Banco do Brasil, Efí…), normalised to one model
/// (<see cref="BoletoRequest"/> in, <see cref="BoletoRecord"/> out) and one status set (<see cref="BoletoStatus"/>).
/// What a provider can do is in <see cref="Capabilities"/>; members for a capability it lacks throw
/// <see cref="NotSupportedException"/>.
/// </summary>
/// <remarks>
/// <para><b>Creating is not idempotent at any bank.</b> Never call <see cref="RegisterAsync"/> twice for one invoice
/// after a timeout: look the boleto up with <see cref="FindByReferenceAsync"/> first. The registrar in
/// Cobranca.Connectors.Boleto.Providers (<c>BoletoRegistrar</c>) does this with a durable claim per invoice.</para>
/// <para>Errors are the ConnectorException hierarchy of Cobranca.Connectors.Abstractions (validation, authentication,
/// not found, transport — the latter with <c>RequestNotSent</c> when nothing reached the bank).</para>
/// </remarks>
public interface IBoletoProvider
{
    /// <summary>Provider name used in errors, telemetry and <c>PaymentReceived.Source</c> (<c>"boleto:inter"</c>…).</summary>
    string ProviderName { get; }

    /// <summary>What this provider supports.</summary>
    BoletoCapabilities Capabilities { get; }

    /// <summary>
    /// Registers a boleto (with the Pix QR when <see cref="BoletoRequest.WithPix"/> and the provider supports
    /// <see cref="BoletoCapabilities.HybridPix"/>). At a bank with <see cref="BoletoCapabilities.AsyncRegistration"/>
    /// (Inter) the result is <see cref="BoletoStatus.Processing"/> without barcode: call <see cref="GetAsync"/> later.
    /// </summary>
    /// <param name="request">The boleto; <see cref="BoletoRequest.Reference"/> is your deterministic reference.</param>
    /// <param name="cancellationToken">Cancels the call (the bank may still have registered it: look it up by reference).</param>
    Task<BoletoRecord> RegisterAsync(BoletoRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads a boleto by the provider's id (<see cref="BoletoRecord.ProviderId"/>).</summary>
    /// <param name="providerId">The provider's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<BoletoRecord> GetAsync(string providerId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Finds the boleto registered with your <paramref name="reference"/>, or null when the provider has none: the
    /// check to make before sending a create again after a timeout or a lost answer.
    /// </summary>
    /// <param name="reference">Your reference (<see cref="BoletoRequest.Reference"/>).</param>
    /// <param name="issuedOn">The day the create was sent (banks that can only search by date use it as the window).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<BoletoRecord?> FindByReferenceAsync(string reference, DateOnly issuedOn, CancellationToken cancellationToken = default);

    /// <summary>Lists boletos in a date range, page by page as the provider serves them (<see cref="BoletoCapabilities.ListByDate"/>).</summary>
    /// <param name="query">Date range, which date, page size.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    IAsyncEnumerable<BoletoRecord> ListAsync(BoletoQuery query, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"{ProviderName} cannot list boletos by date.");

    /// <summary>Cancels (baixa) a boleto that is still payable (<see cref="BoletoCapabilities.Cancel"/>).</summary>
    /// <param name="providerId">The provider's id.</param>
    /// <param name="reason">Why; mapped to the bank's code.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task CancelAsync(string providerId, BoletoCancelReason reason, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"{ProviderName} cannot cancel boletos.");

    /// <summary>The bank's own PDF of the boleto (<see cref="BoletoCapabilities.ServerPdf"/>).</summary>
    /// <param name="providerId">The provider's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<byte[]> GetPdfAsync(string providerId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"{ProviderName} does not serve boleto PDFs.");

    /// <summary>Boletos paid (liquidated) on <paramref name="day"/> (São Paulo date), for the daily reconciliation (<see cref="BoletoCapabilities.PaidListing"/>).</summary>
    /// <param name="day">The payment date.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    IAsyncEnumerable<BoletoRecord> ListPaidAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"{ProviderName} cannot list the boletos paid on a day.");
}
