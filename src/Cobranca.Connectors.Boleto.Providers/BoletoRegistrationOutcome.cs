namespace Cobranca.Connectors.Boleto.Providers;

/// <summary>How <see cref="BoletoRegistrar.RegisterAsync"/> got the invoice's boleto.</summary>
public enum BoletoRegistrationOutcome
{
    /// <summary>Created now.</summary>
    Created = 0,

    /// <summary>The invoice already had a boleto recorded: nothing was sent.</summary>
    AlreadyRegistered,

    /// <summary>An earlier create lost its answer (timeout, dropped connection, crash); the boleto was found at the bank by reference and adopted.</summary>
    Recovered,
}
