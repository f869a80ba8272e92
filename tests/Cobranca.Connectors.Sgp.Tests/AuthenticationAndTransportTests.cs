using System.Text;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing.Sgp;

namespace Cobranca.Connectors.Sgp.Tests;

public sealed class AuthenticationAndTransportTests
{

    [Fact]
    public async Task Token_and_app_travel_verbatim_in_a_form_body_without_an_authorization_header()
    {
        await using var host = await SgpTestHost.StartAsync();
        await host.Client.FindCustomersAsync(CustomerLookup.ByDocument(SgpTestHost.Scenario.DebtorDocument));

        var request = Assert.Single(host.RequestsTo("consultacliente"));
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/ura/consultacliente/", request.Path);
        Assert.StartsWith("application/x-www-form-urlencoded", request.ContentType, StringComparison.Ordinal);
        Assert.Equal(host.Sandbox.Token, request.Field("token"));
        Assert.Equal("CobrancaSdk", request.Field("app"));
        Assert.Null(request.Header("authorization"));
    }

    [Theory]
    [InlineData("cobrancasdk")]
    [InlineData("COBRANCASDK")]
    [InlineData("CobrancaSDK")]
    public async Task An_app_name_in_another_case_is_the_incorretas_403_with_an_actionable_error(string app)
    {
        await using var host = await SgpTestHost.StartAsync(o => o.App = app);
        var error = await Assert.ThrowsAsync<SgpCredentialsRejectedException>(() => host.Client.VerifyConnectionAsync());

        Assert.Equal(app, host.Sandbox.Requests[0].Field("app")); // sent as typed, never "normalised"
        Assert.Contains("case", error.Message, StringComparison.Ordinal);
        Assert.Equal(403, error.StatusCode);
        Assert.DoesNotContain(host.Sandbox.Token, error.Message, StringComparison.Ordinal);
        Assert.Single(host.Sandbox.Requests); // an authentication failure is not retried
    }

    [Fact]
    public async Task A_refused_pair_is_the_nao_foram_fornecidas_403_with_a_different_error()
    {
        await using var host = await SgpTestHost.StartAsync(sandbox: s => s.TokenActive = false);
        var error = await Assert.ThrowsAsync<SgpAccessRefusedException>(() => host.Client.VerifyConnectionAsync());
        Assert.Contains("allowed hosts", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<ConnectorAuthenticationException>(error);
    }

    [Fact]
    public async Task Basic_authentication_sends_the_user_in_the_header_and_no_token()
    {
        await using var host = await SgpTestHost.StartAsync(o =>
        {
            o.Authentication = SgpAuthentication.Basic;
            o.Token = null;
            o.App = null;
            o.Username = "integracao";
            o.Password = "s3nha-b4sic";
        });
        var found = await host.Client.FindCustomersAsync(CustomerLookup.ByDocument(SgpTestHost.Scenario.DebtorDocument));

        Assert.Single(found);
        var request = Assert.Single(host.RequestsTo("consultacliente"));
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("integracao:s3nha-b4sic")), request.Header("authorization"));
        Assert.Null(request.Field("token"));
        Assert.Null(request.Field("app"));
    }

    [Fact]
    public async Task A_rotated_token_is_used_from_the_next_request()
    {
        await using var host = await SgpTestHost.StartAsync(o => o.Token = "revoked-token");
        await Assert.ThrowsAsync<SgpCredentialsRejectedException>(() => host.Client.VerifyConnectionAsync());

        host.Client.Credential.Update(host.Sandbox.App, host.Sandbox.Token);
        await host.Client.VerifyConnectionAsync();
        Assert.Equal(host.Sandbox.Token, host.Sandbox.Requests[^1].Field("token"));
    }

    [Fact]
    public async Task The_legacy_prefix_is_an_option()
    {
        await using var host = await SgpTestHost.StartAsync(o => o.UseLegacyUraPrefix = true, s => s.ServeApiPrefix = false);
        var debt = await host.Client.GetDebtStatusAsync(SgpTestHost.Scenario.DebtorCustomerId);

        Assert.NotEmpty(debt.Overdue);
        Assert.All(host.Sandbox.Requests, r => Assert.StartsWith("/ws/ura/", r.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_install_without_the_api_prefix_says_to_try_the_legacy_one()
    {
        await using var host = await SgpTestHost.StartAsync(sandbox: s => s.ServeApiPrefix = false);
        var error = await Assert.ThrowsAsync<ConnectorNotFoundException>(() => host.Client.VerifyConnectionAsync());
        Assert.Contains("UseLegacyUraPrefix", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_base_url_serving_the_login_page_with_200_is_an_error_not_zero_debtors()
    {
        await using var host = await SgpTestHost.StartAsync(o => o.BaseAddress = new Uri(o.BaseAddress!, "accounts/login/"));
        var error = await Assert.ThrowsAsync<ConnectorApiException>(() => host.Client.VerifyConnectionAsync());

        Assert.Equal("/accounts/login/api/ura/titulos/", host.Sandbox.Requests[0].Path);
        Assert.Contains("HTML", error.Message, StringComparison.Ordinal);
        Assert.Contains("BaseAddress", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ConnectorApiException>(async () =>
        {
            await foreach (var unused in host.Client.ListOpenInvoicesAsync(InvoiceQuery.All)) { }
        });
    }

    [Theory]
    [InlineData("https://provedor.sgp.net.br", "https://provedor.sgp.net.br/")]
    [InlineData("https://provedor.sgp.net.br/api/ura/", "https://provedor.sgp.net.br/")]
    [InlineData("https://provedor.sgp.net.br/ws/ura", "https://provedor.sgp.net.br/")]
    [InlineData("http://10.0.0.5:8000/sgp/", "http://10.0.0.5:8000/sgp/")]
    public void The_base_address_is_normalised_to_the_instance_root(string typed, string expected) =>
        Assert.Equal(expected, SgpClient.NormalizeBaseAddress(new Uri(typed)).ToString());

    [Fact]
    public async Task Paths_keep_their_trailing_slash()
    {
        await using var host = await SgpTestHost.StartAsync();
        await host.Client.GetDebtStatusAsync(SgpTestHost.Scenario.DebtorCustomerId);
        Assert.All(host.Sandbox.Requests, r => Assert.EndsWith("/", r.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_read_is_retried_after_a_503_an_empty_body_and_truncated_json()
    {
        await using var host = await SgpTestHost.StartAsync(o => o.Resilience.MaxRetryAttempts = 3);
        host.Sandbox.InjectFault(SgpSandboxFault.HttpStatus(503), "titulos");
        host.Sandbox.InjectFault(SgpSandboxFault.EmptyBody(), "titulos");
        host.Sandbox.InjectFault(SgpSandboxFault.MalformedJson(), "titulos");

        await host.Client.VerifyConnectionAsync();
        Assert.Equal(4, host.RequestsTo("titulos").Count);
    }

    [Fact]
    public void Invalid_options_list_every_problem_and_no_secret()
    {
        var options = new SgpClientOptions { BaseAddress = new Uri("https://x.sgp.net.br/accounts/login/?next=/admin/"), Token = "super-secret-token", App = " Cobranca", PageSize = 500 };
        options.PinnedCertificateThumbprints.Add(new string('A', 40));
        var error = Assert.Throws<ArgumentException>(() => new SgpClient(options));

        Assert.Contains("BaseAddress", error.Message, StringComparison.Ordinal);
        Assert.Contains("App", error.Message, StringComparison.Ordinal);
        Assert.Contains("PageSize", error.Message, StringComparison.Ordinal);
        Assert.Contains("SHA-1", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("super-secret-token", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("super-secret-token", options.ToString(), StringComparison.Ordinal);
        Assert.Contains("Token", Assert.Throws<ArgumentException>(() => new SgpClient(new SgpClientOptions { BaseAddress = new Uri("https://x.sgp.net.br") })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_are_copied_when_the_client_is_built()
    {
        await using var host = await SgpTestHost.StartAsync();
        host.Options.App = "ChangedAfterwards";
        host.Options.UseLegacyUraPrefix = true;
        await host.Client.VerifyConnectionAsync();
        Assert.Equal("/api/ura/titulos/", host.Sandbox.Requests[^1].Path);
        Assert.Equal(host.Sandbox.App, host.Sandbox.Requests[^1].Field("app"));
    }
}
