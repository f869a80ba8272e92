namespace Cobranca.Connectors.Testing.MkAuth;

/// <summary>Settings of an <see cref="MkAuthSandbox"/>.</summary>
public sealed class MkAuthSandboxOptions
{
    /// <summary>Which MK-Auth version to behave like. Default <see cref="MkAuthSandboxProfile.Current"/>.</summary>
    public MkAuthSandboxProfile Profile { get; set; } = MkAuthSandboxProfile.Current;

    /// <summary>The API user's Client_Id the sandbox accepts.</summary>
    public string ClientId { get; set; } = "84ba2f0c1d2e3f4a5b6c7d8e9f00112233445566";

    /// <summary>The API user's Client_Secret the sandbox accepts.</summary>
    public string ClientSecret { get; set; } = "5f1e0d2c3b4a69788796a5b4c3d2e1f0a9b8c7d6e5f40312";

    /// <summary>The clock for token expiry, "today" (seed, overdue) and observation periods. System clock by default.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>JWT lifetime. Default 10 minutes, as MK-Auth.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Answer the token as <c>{"token":"…"}</c> instead of the raw JWT (seen in some installs). Default false.</summary>
    public bool WrapToken { get; set; }

    /// <summary>
    /// A generated ISP (<see cref="IspDataGenerator"/>) to serve instead of the built-in seed: each contract becomes a
    /// <c>sis_cliente</c> row (one login; a customer with two contracts has two rows with the same CPF), each invoice a
    /// title. When set, <see cref="MkAuthSandboxData"/>'s records and <see cref="GeneratedCustomers"/> are not added.
    /// </summary>
    public IspDataSet? Data { get; set; }

    /// <summary>How many generated customers to add to the well-known ones. Default 30.</summary>
    public int GeneratedCustomers { get; set; } = 30;

    /// <summary>Seed of the deterministic generator. Default 42.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Whether the current profile has <c>GET cliente/desbloqueio/{uuid}</c>. Default true (the legacy profile never has it).</summary>
    public bool TrustUnlockRoute { get; set; } = true;

    /// <summary>Hours the install's own <c>cliente/desbloqueio</c> grants. Default 48.</summary>
    public int TrustUnlockHours { get; set; } = 48;

    /// <summary>Current profile only: listings ignore <c>pagina</c>/<c>limite</c> and return every row on every page. Default false.</summary>
    public bool IgnorePaging { get; set; }
}
