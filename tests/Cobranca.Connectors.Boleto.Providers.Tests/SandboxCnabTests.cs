using Cobranca.Connectors.Boleto.Providers;

namespace Cobranca.Connectors.Boleto.Providers.Tests;

/// <summary>The sandbox's CNAB 240 retorno: FEBRABAN positions of docs/boleto-providers.md §3.1 (reference note).</summary>
public sealed class SandboxCnabTests
{
    [Fact]
    public async Task A_days_payments_become_T_and_U_segments_with_movement_06_and_matching_trailers()
    {
        await using var ctx = await BankTestContext.StartAsync();
        var client = ctx.Client("sicoob");
        var a = await client.RegisterAsync(BankTestContext.Request(amount: 100m).WithReference("0000000911"));
        var b = await client.RegisterAsync(BankTestContext.Request(amount: 50m).WithReference("0000000912"));
        await client.RegisterAsync(BankTestContext.Request(amount: 70m).WithReference("0000000913")); // unpaid: not in the file
        await ctx.Sandbox.PayAsync("sicoob", a.ProviderId, amount: 102.35m, notify: false);
        await ctx.Sandbox.PayAsync("sicoob", b.ProviderId, notify: false);

        var lines = ctx.Sandbox.GenerateCnab240Retorno("sicoob", ctx.Today, fileSequence: 42).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.All(lines, l => Assert.Equal(240, l.Length));
        Assert.All(lines, l => Assert.Equal("756", l[..3]));
        Assert.Equal(8, lines.Length); // header, lote header, 2 × (T + U), lote trailer, file trailer
        Assert.Equal('0', lines[0][7]);
        Assert.Equal('2', lines[0][142]); // retorno
        Assert.Equal("000042", lines[0][157..163]);
        var t = lines[2];
        var u = lines[3];
        Assert.Equal("T", t[13..14]);
        Assert.Equal("06", t[15..17]);
        Assert.EndsWith("911", t[37..57], StringComparison.Ordinal);
        Assert.Equal("000000000010000", t[81..96]); // valor do título
        Assert.Equal("0000000911", t[105..130].Trim());
        Assert.Equal("U", u[13..14]);
        Assert.Equal("000000000010235", u[77..92]); // valor pago
        Assert.Equal("000000000000235", u[17..32]); // juros/multa
        Assert.Equal(ctx.Today.ToString("ddMMyyyy", System.Globalization.CultureInfo.InvariantCulture), u[137..145]);
        Assert.Equal('5', lines[6][7]);
        Assert.Equal("000006", lines[6][17..23]); // lote: header + 4 details + trailer
        Assert.Equal("000001", lines[7][17..23]);
        Assert.Equal("000008", lines[7][23..29]); // every record of the file
        Assert.Equal(2, ctx.Sandbox.GenerateCnab240Retorno("sicoob", ctx.Today).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Count(l => l[13] == 'T'));
        Assert.Equal(4, ctx.Sandbox.GenerateCnab240Retorno("sicoob", ctx.Today.AddDays(-1)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(BoletoStatus.Paid, (await client.GetAsync(a.ProviderId)).Status);
    }
}

/// <summary>The sandbox's retorno file read back by the SDK's own CNAB parser (branch cnab-pdf).</summary>
public sealed class SandboxCnabRoundTripTests
{
    [Theory]
    [InlineData("sicoob")]
    [InlineData("bb")]
    [InlineData("inter")]
    public async Task The_generated_retorno_parses_back_to_the_same_payments(string bank)
    {
        await using var ctx = await BankTestContext.StartAsync();
        var client = ctx.Client(bank);
        var a = await client.RegisterAsync(BankTestContext.Request(amount: 100m).WithReference("0000000921"));
        var b = await client.RegisterAsync(BankTestContext.Request(amount: 50m).WithReference("0000000922"));
        await client.GetAsync(a.ProviderId);
        await client.GetAsync(b.ProviderId);
        await ctx.Sandbox.PayAsync(bank, a.ProviderId, amount: 102.35m, notify: false);
        await ctx.Sandbox.PayAsync(bank, b.ProviderId, notify: false);

        var file = Cobranca.Connectors.Boleto.Cnab.CnabRetornoParser.Parse(ctx.Sandbox.GenerateCnab240Retorno(bank, ctx.Today, fileSequence: 7));

        var payments = file.Payments.OrderBy(p => p.OurReference, StringComparer.Ordinal).ToList();
        Assert.Equal(2, payments.Count);
        Assert.Equal(["0000000921", "0000000922"], payments.Select(p => p.OurReference?.Trim()));
        Assert.Equal([102.35m, 50m], payments.Select(p => p.AmountPaid));
        Assert.All(payments, p => Assert.Equal(ctx.Today, p.OccurrenceDate));
        Assert.Equal(7, file.FileSequence);
    }
}
