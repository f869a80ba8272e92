using System.Globalization;
using System.Text;

namespace Cobranca.Connectors.MikroTik.Tests.Protocol;

/// <summary>Issue 19: the RouterOS emulator holds large tables and answers equality queries from indexes.</summary>
public sealed class EmulatorScaleTests
{
    [Fact]
    public async Task Equality_queries_on_a_100k_table_examine_only_the_matching_rows()
    {
        await using var router = await Routers.StartAsync();
        for (var i = 0; i < 100_000; i++)
        {
            router.AddressLists.Add(Routers.Row(("list", "bloqueados"), ("address", string.Create(CultureInfo.InvariantCulture, $"10.{i >> 16}.{(i >> 8) & 255}.{i & 255}"))));
        }
        router.PppSecrets.Add(Routers.Row(("name", "joão")), CodePagesEncodingProvider.Instance.GetEncoding(1252)!);
        await using var connection = await RouterOsConnection.OpenAsync(Routers.Options(router));
        var before = router.RowsExamined;

        var hit = await connection.ExecuteAsync(new RouterOsCommand("/ip/firewall/address-list/print")
            .Where("list", "bloqueados").Where("address", "10.1.2.3").Proplist(".id", "address"));
        var miss = await connection.ExecuteAsync(new RouterOsCommand("/ip/firewall/address-list/print")
            .Where("list", "bloqueados").Where("address", "192.0.2.1").Proplist(".id"));
        var either = await connection.ExecuteAsync(new RouterOsCommand("/ppp/secret/print").WhereAnyEncoding("name", "joão").Proplist("name"));

        Assert.Equal("10.1.2.3", Assert.Single(hit.Rows)["address"]);
        Assert.Empty(miss.Rows);
        Assert.Equal("joão", Assert.Single(either.Rows)["name"]);
        Assert.InRange(router.RowsExamined - before, 2, 3);
        Assert.Equal(100_000, router.AddressLists.Count);
    }

    [Fact]
    public async Task Queries_the_index_cannot_answer_still_scan_and_stay_correct()
    {
        await using var router = await Routers.StartAsync();
        for (var i = 0; i < 50; i++) router.PppSecrets.Add(Routers.Row(("name", $"u{i}"), ("profile", i % 2 == 0 ? "plano50" : "plano100")));
        await using var connection = await RouterOsConnection.OpenAsync(Routers.Options(router));

        var notPlan50 = await connection.ExecuteAsync(new RouterOsCommand("/ppp/secret/print").Where("profile", "plano50").Query("?#!").Proplist("name"));
        var twoNames = await connection.ExecuteAsync(new RouterOsCommand("/ppp/secret/print").Where("name", "u1").Where("name", "u2").Query("?#|").Proplist("name"));

        Assert.Equal(25, notPlan50.Rows.Count);
        Assert.Equal(["u1", "u2"], twoNames.Rows.Select(r => r["name"]));
    }
}
