namespace CollectionsBot.Bot;

/// <summary>The bot's settings.</summary>
public sealed class BotOptions
{
    /// <summary>The provider's name in the greeting.</summary>
    public string CompanyName { get; set; } = "Provedor Exemplo";

    /// <summary>How many leading digits of the holder's CPF/CNPJ the second factor asks (3 by default).</summary>
    public int SecondFactorDigits { get; set; } = 3;

    /// <summary>Wrong answers before the lock (3).</summary>
    public int MaxSecondFactorFailures { get; set; } = 3;

    /// <summary>How long the lock lasts (30 minutes).</summary>
    public TimeSpan Lockout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A verified session ends after this long without a message; the second factor is asked again (30 minutes).</summary>
    public TimeSpan SessionIdle { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How many inbound message ids each conversation remembers for dedupe (50).</summary>
    public int SeenCapacity { get; set; } = 50;

    /// <summary>The txid prefix of the Pix charges the bot creates (alphanumeric, up to 10).</summary>
    public string TxidPrefix { get; set; } = "BOT";

    /// <summary>The Pix key that receives (the PSP account's key).</summary>
    public string PixKey { get; set; } = "";

    /// <summary>
    /// The UTILITY template sent when a payment restored the service and the customer's 24-hour window is closed
    /// (body parameters: amount paid, payment date, invoice number).
    /// </summary>
    public string ServiceRestoredTemplate { get; set; } = "pagamento_servico_restabelecido";

    /// <summary>
    /// The UTILITY template sent for any other payment outcome when the window is closed (same parameters; it asks the
    /// customer to reply, which opens the window again).
    /// </summary>
    public string PaymentConfirmedTemplate { get; set; } = "pagamento_confirmado";

    /// <summary>The language the templates were approved in (<c>pt_BR</c>).</summary>
    public string TemplateLanguage { get; set; } = "pt_BR";
}
