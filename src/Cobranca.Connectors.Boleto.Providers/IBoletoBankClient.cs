namespace Cobranca.Connectors.Boleto.Providers;

/// <summary>
/// A bank account's boleto client (<see cref="BoletoBankClient"/>): <see cref="IBoletoProvider"/> plus reading the
/// bank's webhook bodies as hints. Mock this interface in tests.
/// </summary>
public interface IBoletoBankClient : IBoletoProvider
{
    /// <summary>The bank.</summary>
    BoletoBank Bank { get; }

    /// <summary>
    /// The provider ids (<see cref="BoletoRecord.ProviderId"/>) a webhook body points at. Nothing in the body is
    /// trusted: these are hints to re-query (<see cref="BoletoPaymentHandler"/> does). Efí's body holds only a token,
    /// which is looked up at Efí. An unreadable body yields an empty list.
    /// </summary>
    /// <param name="body">The raw webhook request body.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<string>> ReadWebhookHintsAsync(string body, CancellationToken cancellationToken = default);
}
