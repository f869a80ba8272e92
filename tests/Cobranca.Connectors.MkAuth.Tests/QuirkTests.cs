using System.Text.Json;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing.MkAuth;

namespace Cobranca.Connectors.MkAuth.Tests;

/// <summary>Every MK-Auth quirk: the exact request sent and what it maps to.</summary>
public sealed class QuirkTests
{
    [Theory]
    [InlineData(MkAuthSandboxProfile.Current, "false")]
    [InlineData(MkAuthSandboxProfile.Legacy, "NULL")]
    public async Task Customer_not_found_under_http_200_is_an_empty_result(MkAuthSandboxProfile profile, string _)
    {
        await using var host = await MkAuthTestHost.StartAsync(profile);
        var found = await host.Client.AsBillingSystem().FindCustomersAsync(CustomerLookup.ByLogin("ninguem.aqui"));
        Assert.Empty(found);
        Assert.Equal("/api/cliente/show/ninguem.aqui", host.RequestsTo("cliente/show").Single().Path);
        Assert.Null(await host.Client.GetCustomerAsync("ninguem.aqui"));
    }

    [Theory]
    [InlineData(MkAuthSandboxProfile.Current)]
    [InlineData(MkAuthSandboxProfile.Legacy)] // the message is mojibake there ("nÃ£o")
    public async Task Titles_not_found_message_is_an_empty_list(MkAuthSandboxProfile profile)
    {
        await using var host = await MkAuthTestHost.StartAsync(profile);
        var titles = await host.Client.GetTitlesAsync("ninguem.aqui");
        Assert.Empty(titles);
        Assert.Equal("/api/titulo/titulos/ninguem.aqui", host.RequestsTo("titulo/titulos").Single().Path);
    }

    [Fact]
    public async Task Cpf_is_tried_as_digits_then_masked_and_the_first_login_is_the_customer()
    {
        await using var host = await MkAuthTestHost.StartAsync();
        await host.Client.DetectAsync();
        var from = host.Sandbox.Requests.Count;

        var found = await host.Client.AsBillingSystem().FindCustomersAsync(CustomerLookup.ByDocument(MkAuthSandboxData.MariaCpf));

        Assert.Equal(["GET /api/cliente/show/52998224725", "GET /api/cliente/show/529.982.247-25"], host.PathsSince(from));
        var maria = Assert.Single(found);
        // The digits match her second login (stored as digits), the mask her first: the first login (lowest id) is the customer.
        Assert.Equal(MkAuthSandboxData.MariaUuid, maria.Id);
        Assert.Equal("MARIA DA SILVA", maria.Name);
        Assert.Equal(MkAuthSandboxData.MariaCpfDigits, maria.Document!.Value.Value);
        Assert.Equal("(44) *****-8888", Assert.Single(maria.Phones).Mask());
    }

    [Fact]
    public async Task A_row_matched_by_another_column_is_verified_against_cpf_cnpj_and_dropped()
    {
        await using var host = await MkAuthTestHost.StartAsync();
        // A login that happens to be a CPF: cliente/show and titulo/titulos match it by login, not by document.
        host.Sandbox.SetCustomerFields(MkAuthSandboxData.JoseLogin, new Dictionary<string, string?> { ["login"] = "12345678909" });

        Assert.Empty(await host.Client.AsBillingSystem().FindCustomersAsync(CustomerLookup.ByDocument("123.456.789-09")));
        Assert.Equal("12345678909", (await host.Client.GetCustomerAsync("12345678909"))!.Login); // the server did answer a row
        Assert.Empty(await host.Client.GetTitlesAsync("123.456.789-09"));
    }

    [Theory]
    [InlineData(MkAuthSandboxProfile.Current)]
    [InlineData(MkAuthSandboxProfile.Legacy)]
    public async Task Debt_reads_aberto_and_vencido_across_every_login_and_skips_paid_and_cancelled(MkAuthSandboxProfile profile)
    {
        await using var host = await MkAuthTestHost.StartAsync(profile);
        var debt = await host.Client.AsBillingSystem().GetDebtStatusAsync(MkAuthSandboxData.MariaUuid);

        Assert.Contains(host.RequestsTo("titulo/titulos"), r => r.Path == "/api/titulo/titulos/52998224725");
        Assert.Contains(host.RequestsTo("titulo/titulos"), r => r.Path == "/api/titulo/titulos/529.982.247-25");
        Assert.Equal(MkAuthTestHost.Today, debt.AsOf);
        // vencido (first login) and a title still "aberto" three days after its due date (second login) are both overdue.
        Assert.Equal([MkAuthSandboxData.MariaOverdueTitleUuid, MkAuthSandboxData.MariaLateOpenTitleUuid], debt.Overdue.Select(i => i.Id));
        Assert.Equal(["vencido", "aberto"], debt.Overdue.Select(i => i.RawStatus));
        Assert.Equal(MkAuthSandboxData.MariaUpcomingTitleUuid, Assert.Single(debt.Upcoming).Id);
        Assert.Equal(179.80m, debt.TotalOverdue);
        Assert.Equal(40, debt.MaxDaysOverdue);
        Assert.Equal(new DateOnly(2026, 2, 8), debt.Overdue[0].DueDate);
        Assert.DoesNotContain(debt.Overdue.Concat(debt.Upcoming), i => i.Id == MkAuthSandboxData.MariaCancelledTitleUuid);

        Assert.Equal([MkAuthSandboxData.MariaUuid, MkAuthSandboxData.MariaSecondUuid], debt.Contracts.Select(c => c.Id));
        Assert.Equal([AccessStatus.Blocked, AccessStatus.Active], debt.Contracts.Select(c => c.Access.Status));
        Assert.Equal(MkAuthSandboxData.MariaSecondUuid, debt.Overdue[1].ContractId);
        Assert.Equal("Título 48211", debt.Overdue[0].Description);
    }

    [Fact]
    public async Task Legacy_rows_carry_deltitulo_and_cancelled_titles_are_dropped()
    {
        await using var host = await MkAuthTestHost.StartAsync(MkAuthSandboxProfile.Legacy);
        var titles = await host.Client.GetTitlesAsync(MkAuthSandboxData.MariaLogin);
        Assert.Equal(["48211", "49376", "47002"], titles.Select(t => t.Number));
        Assert.Equal(["vencido", "aberto", "pago"], titles.Select(t => t.Status));
        Assert.NotNull(host.Sandbox.GetTitleRow(MkAuthSandboxData.MariaCancelledTitleUuid)); // it exists, with deltitulo=1
        var paid = titles[2];
        Assert.False(paid.IsUnpaid);
        Assert.Equal(99.90m, paid.Amount);
    }

    [Fact]
    public async Task Trailing_junk_after_the_json_is_tolerated()
    {
        await using var host = await MkAuthTestHost.StartAsync();
        host.Sandbox.InjectFault(MkAuthSandboxFault.TrailingJunk(), "titulo/titulos");
        var titles = await host.Client.GetTitlesAsync(MkAuthSandboxData.MariaLogin);
        Assert.Equal(3, titles.Count);
        Assert.Equal(MkAuthSandboxData.MariaOverdueTitleUuid, titles[0].Uuid);
    }

    [Fact]
    public async Task Html_php_error_under_200_is_an_error_not_an_empty_result()
    {
        await using var host = await MkAuthTestHost.StartAsync();
        host.Sandbox.InjectFault(MkAuthSandboxFault.HtmlError(), "cliente/show");
        var error = await Assert.ThrowsAsync<ConnectorApiException>(() => host.Client.GetCustomerAsync(MkAuthSandboxData.MariaLogin));
        Assert.Equal(200, error.StatusCode);
        Assert.Contains("HTML/PHP", error.Message, StringComparison.Ordinal);
        Assert.Single(host.RequestsTo("cliente/show"));
    }

    [Fact]
    public async Task Malformed_json_is_an_error()
    {
        await using var host = await MkAuthTestHost.StartAsync();
        host.Sandbox.InjectFault(MkAuthSandboxFault.MalformedJson(), "titulo/titulos");
        var error = await Assert.ThrowsAsync<ConnectorApiException>(() => host.Client.GetTitlesAsync(MkAuthSandboxData.MariaLogin));
        Assert.Contains("malformed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mojibake_names_of_the_legacy_profile_are_repaired()
    {
        await using var host = await MkAuthTestHost.StartAsync(MkAuthSandboxProfile.Legacy);
        var jose = Assert.Single(await host.Client.AsBillingSystem().FindCustomersAsync(CustomerLookup.ByLogin(MkAuthSandboxData.JoseLogin)));
        Assert.Equal(MkAuthSandboxData.JoseName, jose.Name);
    }

    [Fact]
    public async Task Senha_and_gateway_keys_are_dropped_while_reading()
    {
        await using var host = await MkAuthTestHost.StartAsync();
        Assert.Equal(MkAuthSandboxData.MariaPassword, host.Sandbox.GetCustomerRow(MkAuthSandboxData.MariaLogin)!["senha"]); // MK-Auth sends it
        var row = (await host.Client.GetCustomerAsync(MkAuthSandboxData.MariaLogin))!;
        Assert.False(row.Raw.ContainsKey("senha"));
        Assert.DoesNotContain(MkAuthSandboxData.MariaPassword, row.Raw.Values);
        var customer = Assert.Single(await host.Client.AsBillingSystem().FindCustomersAsync(CustomerLookup.ById(MkAuthSandboxData.MariaUuid)));
        Assert.DoesNotContain(MkAuthSandboxData.MariaPassword, customer.Raw.Values);
        var title = (await host.Client.GetTitleAsync(MkAuthSandboxData.MariaOverdueTitleUuid))!;
        Assert.False(title.Raw.ContainsKey("chave_gnet"));
    }

    [Fact]
    public async Task Paging_goes_inside_the_path_and_stops_at_the_past_the_last_page_message()
    {
        await using var host = await MkAuthTestHost.StartAsync();
        var invoices = await host.Client.AsBillingSystem().ListOpenInvoicesAsync(new InvoiceQuery { PageSize = 7 }).ToListAsync();

        var titlePages = host.RequestsTo("titulo/listar").Where(r => !r.Path.EndsWith("limite=50", StringComparison.Ordinal)).Select(r => r.Path).ToList();
        var total = host.Sandbox.Requests.Count(r => r.Route == "titulo/listar"); // includes the detection sample
        Assert.Equal("/api/titulo/listar/pagina=1&limite=7", titlePages[0]);
        Assert.Equal("/api/titulo/listar/pagina=2&limite=7", titlePages[1]);
        Assert.Equal(invoices.Count, invoices.Select(i => i.Id).Distinct().Count());
        Assert.Contains(invoices, i => i.Id == MkAuthSandboxData.MariaLateOpenTitleUuid && i.CustomerId == MkAuthSandboxData.MariaUuid && i.ContractId == MkAuthSandboxData.MariaSecondUuid);
        Assert.DoesNotContain(invoices, i => i.Id == MkAuthSandboxData.MariaCancelledTitleUuid);
        Assert.True(total >= 2);
    }

    [Fact]
    public async Task A_version_that_ignores_paging_is_detected_by_a_repeated_first_row()
    {
        await using var probe = await MkAuthSandbox.StartAsync(new MkAuthSandboxOptions { GeneratedCustomers = 5, TimeProvider = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(MkAuthTestHost.Noon) });
        var rows = probe.TitleRowCount;
        // Ask exactly as many rows as exist: page 1 looks full, page 2 repeats page 1 (this version returns everything every time).
        await using var host = await MkAuthTestHost.StartAsync(sandbox: s => s.IgnorePaging = true);
        var invoices = await host.Client.AsBillingSystem().ListOpenInvoicesAsync(new InvoiceQuery { PageSize = rows }).ToListAsync();

        var pages = host.RequestsTo("titulo/listar").Select(r => r.Path).Where(p => !p.EndsWith("limite=50", StringComparison.Ordinal)).ToList();
        Assert.Equal([$"/api/titulo/listar/pagina=1&limite={rows}", $"/api/titulo/listar/pagina=2&limite={rows}"], pages);
        Assert.Equal(invoices.Count, invoices.Select(i => i.Id).Distinct().Count());
        Assert.Contains(invoices, i => i.Id == MkAuthSandboxData.MariaOverdueTitleUuid);
    }

    [Fact]
    public void Mojibake_is_repaired_once_or_twice_and_clean_text_is_left_alone()
    {
        var latin1 = System.Text.Encoding.Latin1.GetString(System.Text.Encoding.UTF8.GetBytes(MkAuthSandboxData.JoseName));
        Assert.NotEqual(MkAuthSandboxData.JoseName, latin1);
        Assert.Equal(MkAuthSandboxData.JoseName, Internal.MkAuthText.Repair(latin1));
        Assert.Equal("Registro não encontrado", Internal.MkAuthText.Repair("Registro nÃƒÂ£o encontrado"));
        Assert.Equal("ÃO É", Internal.MkAuthText.Repair("ÃO É"));
        Assert.True(Internal.MkAuthText.IsNotFoundMessage("Registro nÃƒÂ£o encontrado"));
    }
}
