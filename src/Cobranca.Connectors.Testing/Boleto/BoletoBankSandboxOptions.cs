namespace Cobranca.Connectors.Testing.Boleto;

/// <summary>Settings of a <see cref="BoletoBankSandbox"/>.</summary>
public sealed class BoletoBankSandboxOptions
{
    /// <summary>The accepted client id (all four banks).</summary>
    public string ClientId { get; init; } = "sandbox-client";

    /// <summary>The accepted client secret (Inter, BB, Efí; Sicoob authenticates by client id and certificate only).</summary>
    public string ClientSecret { get; init; } = "sandbox-secret";

    /// <summary>Token lifetime (Inter's is one hour).</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The sandbox clock (token expiry, Inter's asynchronous registration, payment dates).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Inter: how long a create stays EM_PROCESSAMENTO before it is registered (default zero: the next read sees it registered).</summary>
    public TimeSpan InterRegistrationDelay { get; init; }

    /// <summary>Inter: refuse a second create with the same seuNumero (not known from public material: off by default).</summary>
    public bool InterRejectsDuplicateSeuNumero { get; init; }

    /// <summary>Sicoob: refuse a second create with the same nossoNumero (likely, not confirmed: on by default).</summary>
    public bool SicoobRejectsDuplicateNossoNumero { get; init; } = true;

    /// <summary>Sicoob: the accepted numeroCliente.</summary>
    public long SicoobClientNumber { get; init; } = 25546454;

    /// <summary>BB: the accepted numeroConvenio (BB's homologation convênio).</summary>
    public long BancoDoBrasilConvenio { get; init; } = 3128557;

    /// <summary>BB: the accepted <c>gw-dev-app-key</c>.</summary>
    public string BancoDoBrasilApplicationKey { get; init; } = "sandbox-app-key";
}
