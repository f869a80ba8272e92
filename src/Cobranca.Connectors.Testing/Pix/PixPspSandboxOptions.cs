namespace Cobranca.Connectors.Testing.Pix;

/// <summary>Settings of a <see cref="PixPspSandbox"/>.</summary>
public sealed class PixPspSandboxOptions
{
    /// <summary>The OAuth client id the token endpoint accepts.</summary>
    public string ClientId { get; set; } = "sandbox-client";

    /// <summary>The OAuth client secret the token endpoint accepts (a test value, not a real secret).</summary>
    public string ClientSecret { get; set; } = "sandbox-secret";

    /// <summary>The receiver's Pix key (an EVP key); charges and webhooks for other keys are refused.</summary>
    public string Key { get; set; } = "7d9f0335-8dcc-4054-9bf9-0dbd61d36906";

    /// <summary>API path prefix (default <c>/v2</c>, like Efí).</summary>
    public string PathPrefix { get; set; } = "/v2";

    /// <summary>Lifetime of issued tokens (default 1 hour).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Merchant name written into the copia-e-cola (ASCII, up to 25 characters).</summary>
    public string MerchantName { get; set; } = "PROVEDOR EXEMPLO LTDA";

    /// <summary>Merchant city written into the copia-e-cola (ASCII, up to 15 characters).</summary>
    public string MerchantCity { get; set; } = "SAO PAULO";

    /// <summary>The PSP's ISPB (8 digits), the start of every end-to-end id it creates.</summary>
    public string Ispb { get; set; } = "99999008";

    /// <summary>
    /// Answer a repeated identical <c>PUT /cob[v]/{txid}</c> with 400 "txid já utilizado", as some PSPs do, instead of
    /// returning the existing charge again (default false).
    /// </summary>
    public bool RejectRepeatedPut { get; set; }

    /// <summary>Pix Automático: payers (CPF/CNPJ digits) whose account has no balance: every attempt of their recurring charges expires unpaid.</summary>
    public ISet<string> InsufficientFundsPayers { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Pix Automático: payers (CPF/CNPJ digits) whose bank rejects their recurring charges when scheduling, with the given code (e.g. <c>AM09</c>).</summary>
    public IDictionary<string, string> RejectingPayers { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Pix Automático: the earliest a <c>cobr</c> may be created before its due date, in calendar days (default 2; the regulation's figure is unsure).</summary>
    public int RecurringChargeMinDaysAhead { get; set; } = 2;

    /// <summary>Pix Automático: the latest a <c>cobr</c> may be created before its due date, in calendar days (default 10).</summary>
    public int RecurringChargeMaxDaysAhead { get; set; } = 10;

    /// <summary><c>lotecobv</c>: the most charges a batch may carry (default 1000, as Efí documents).</summary>
    public int DueChargeBatchLimit { get; set; } = 1000;

    /// <summary>
    /// <c>lotecobv</c>: how long each charge of a <c>PUT /lotecobv/{id}</c> stays <c>EM_PROCESSAMENTO</c> (no
    /// <c>criacao</c>, no cobv visible through <c>GET /cobv</c>) before it becomes <c>CRIADA</c> or <c>NEGADA</c>, as real
    /// PSPs answer 202 and process later. Measured on <see cref="TimeProvider"/> and evaluated when the sandbox is next
    /// asked (no timer): advance a fake clock past the delay and the next request sees the outcome. The charge is
    /// validated when processed (a txid taken in the meantime is then refused). Default <see cref="TimeSpan.Zero"/>:
    /// processed within the PUT.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
    public TimeSpan DueChargeBatchProcessingDelay
    {
        get;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            field = value;
        }
    }

    /// <summary>Clock for creation/payment times and token expiry; default system.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
