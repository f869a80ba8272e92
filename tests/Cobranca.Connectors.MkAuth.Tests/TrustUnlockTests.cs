using System.Text.Json;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing.MkAuth;

namespace Cobranca.Connectors.MkAuth.Tests;

public sealed class TrustUnlockTests
{
    private static readonly DateTimeOffset NoonLocal = MkAuthTestHost.Noon;

    [Fact]
    public async Task The_install_route_is_used_where_it_exists_and_its_period_is_reported()
    {
        await using var host = await MkAuthTestHost.StartAsync();
        var billing = host.Client.AsBillingSystem();

        var granted = await billing.RequestTrustUnlockAsync(MkAuthSandboxData.AnaUuid);

        Assert.Equal(TrustUnlockOutcome.Granted, granted.Outcome);
        Assert.Equal("cliente/desbloqueio", granted.ProviderCode);
        Assert.Equal(NoonLocal.AddHours(48), granted.Until); // what MK-Auth set (rem_obs), read back
        Assert.Contains(host.Sandbox.Requests, r => r.Method == "GET" && r.Path == $"/api/cliente/desbloqueio/{MkAuthSandboxData.AnaUuid}");
        var row = host.Sandbox.GetCustomerRow(MkAuthSandboxData.AnaLogin)!;
        Assert.Equal("nao", row["bloqueado"]);
        Assert.Equal("sim", row["observacao"]);

        var again = await billing.RequestTrustUnlockAsync(MkAuthSandboxData.AnaUuid);
        Assert.Equal(TrustUnlockOutcome.AlreadyActive, again.Outcome);
        Assert.Equal(2, host.Sandbox.Requests.Count(r => r.Route == "cliente/desbloqueio")); // probe + the one unlock
        var state = await host.Client.AsAccessController().GetAccessStateAsync(Subscriber.ForLogin(MkAuthSandboxData.AnaLogin));
        Assert.Equal(AccessStatus.TrustUnlocked, state.Status);
    }

    [Fact]
    public async Task Without_the_route_editar_sets_observation_until_the_policy_date()
    {
        await using var host = await MkAuthTestHost.StartAsync(sandbox: s => s.TrustUnlockRoute = false, configure: o => o.TrustUnlockDays = 3);
        var granted = await host.Client.AsBillingSystem().RequestTrustUnlockAsync(MkAuthSandboxData.AnaLogin);

        Assert.Equal(TrustUnlockOutcome.Granted, granted.Outcome);
        Assert.Equal("cliente/editar", granted.ProviderCode);
        Assert.Equal(NoonLocal.AddDays(3), granted.Until);
        var put = host.RequestsTo("cliente/editar").Last();
        Assert.Equal(JsonSerializer.Serialize(JsonDocument.Parse($"{{\"uuid\":\"{MkAuthSandboxData.AnaUuid}\",\"bloqueado\":\"nao\",\"observacao\":\"sim\",\"rem_obs\":\"2026-03-23 12:00:00\"}}").RootElement),
            JsonSerializer.Serialize(JsonDocument.Parse(put.Body).RootElement));
    }

    [Fact]
    public async Task The_sdk_policy_limits_unlocks_per_period_and_refuses_the_unblocked()
    {
        var store = new InMemoryMkAuthTrustUnlockStore();
        await using var host = await MkAuthTestHost.StartAsync(store: store);
        var billing = host.Client.AsBillingSystem();

        var notBlocked = await billing.RequestTrustUnlockAsync(MkAuthSandboxData.MariaSecondUuid);
        Assert.Equal(TrustUnlockOutcome.NotEligible, notBlocked.Outcome);

        Assert.Equal(TrustUnlockOutcome.Granted, (await billing.RequestTrustUnlockAsync(MkAuthSandboxData.AnaUuid)).Outcome);
        var grant = await store.GetLatestAsync("default", MkAuthSandboxData.AnaUuid);
        Assert.NotNull(grant);
        Assert.Equal(MkAuthSandboxData.AnaUuid, grant.ContractId);

        // The observation ends, MK-Auth blocks Ana again (still overdue); a new unlock inside the period is refused.
        host.Time.Advance(TimeSpan.FromDays(3));
        Assert.Equal("sim", (await host.Client.GetCustomerAsync(MkAuthSandboxData.AnaLogin))!.Blocked ? "sim" : "nao");
        var limited = await billing.RequestTrustUnlockAsync(MkAuthSandboxData.AnaUuid);
        Assert.Equal(TrustUnlockOutcome.LimitReached, limited.Outcome);
        Assert.Contains("30 days", limited.Reason, StringComparison.Ordinal);
        Assert.Equal(2, host.Sandbox.Requests.Count(r => r.Route == "cliente/desbloqueio"));

        host.Time.Advance(TimeSpan.FromDays(28));
        Assert.Equal(TrustUnlockOutcome.Granted, (await billing.RequestTrustUnlockAsync(MkAuthSandboxData.AnaUuid)).Outcome);
    }

    [Fact]
    public async Task A_durable_store_shared_by_two_clients_enforces_the_policy_across_them()
    {
        var store = new InMemoryMkAuthTrustUnlockStore();
        await using var host = await MkAuthTestHost.StartAsync(store: store);
        using var other = new MkAuthClient(host.Options, store, timeProvider: host.Time);

        Assert.Equal(TrustUnlockOutcome.Granted, (await host.Client.AsBillingSystem().RequestTrustUnlockAsync(MkAuthSandboxData.AnaUuid)).Outcome);
        host.Sandbox.SetCustomerFields(MkAuthSandboxData.AnaLogin, new Dictionary<string, string?> { ["bloqueado"] = "sim", ["observacao"] = "nao", ["rem_obs"] = null });
        var second = await other.AsBillingSystem().RequestTrustUnlockAsync(MkAuthSandboxData.AnaUuid);
        Assert.Equal(TrustUnlockOutcome.NotEligible, second.Outcome); // another unlock of this customer is still running
        Assert.Contains("active until", second.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Legacy_install_has_no_trust_unlock()
    {
        await using var host = await MkAuthTestHost.StartAsync(MkAuthSandboxProfile.Legacy);
        await Assert.ThrowsAsync<NotSupportedException>(() => host.Client.AsBillingSystem().RequestTrustUnlockAsync(MkAuthSandboxData.AnaUuid));
        Assert.False(host.Client.AsBillingSystem().Info.Supports(BillingCapabilities.TrustUnlock));
    }

    [Fact]
    public async Task Unknown_login_is_not_found()
    {
        await using var host = await MkAuthTestHost.StartAsync();
        await Assert.ThrowsAsync<ConnectorNotFoundException>(() => host.Client.AsBillingSystem().RequestTrustUnlockAsync("nobody"));
    }
}
