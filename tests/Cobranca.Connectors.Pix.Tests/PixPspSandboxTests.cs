using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing.Pix;

namespace Cobranca.Connectors.Pix.Tests;

/// <summary>The sandbox's own BACEN behaviour, checked with a raw HttpClient (no SDK in between).</summary>
public sealed class PixPspSandboxTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private PixPspSandbox _psp = null!;

    public async Task InitializeAsync() => _psp = await PixPspSandbox.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _psp.DisposeAsync();
    }

    private async Task<string> TokenAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _psp.TokenUrl)
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_psp.ClientId}:{_psp.ClientSecret}")));
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(3600, json["expires_in"]!.GetValue<int>());
        return json["access_token"]!.GetValue<string>();
    }

    private async Task<(HttpStatusCode Status, JsonNode? Body, string? ContentType)> SendAsync(HttpMethod method, string path, string? body = null, bool auth = true)
    {
        using var request = new HttpRequestMessage(method, new Uri(_psp.BaseUrl, path));
        if (auth) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync());
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response.Content.Headers.ContentType?.MediaType);
    }

    private string CobBody(string amount) => $$"""{"calendario":{"expiracao":3600},"valor":{"original":"{{amount}}"},"chave":"{{_psp.Key}}"}""";

    [Fact]
    public async Task Api_calls_without_a_valid_token_get_a_401_problem()
    {
        var (status, body, type) = await SendAsync(HttpMethod.Get, "cob/" + PixTxid.NewRandom(), auth: false);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("application/problem+json", type);
        Assert.Equal("https://pix.bcb.gov.br/api/v2/error/AcessoNegado", body!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Token_endpoint_refuses_wrong_credentials_and_grant()
    {
        using var wrong = await _http.PostAsync(_psp.TokenUrl, new FormUrlEncodedContent(
            [new("grant_type", "client_credentials"), new("client_id", _psp.ClientId), new("client_secret", "nope")]));
        using var grant = await _http.PostAsync(_psp.TokenUrl, JsonContent.Create(new { grant_type = "password" }));

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, grant.StatusCode);
        Assert.Equal(0, _psp.TokensIssued);
    }

    [Fact]
    public async Task Txid_amount_and_key_are_validated_with_violacoes()
    {
        var (status, body, _) = await SendAsync(HttpMethod.Put, "cob/curto",
            """{"valor":{"original":"10,00"},"chave":"outra@example.com"}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(400, body!["status"]!.GetValue<int>());
        var fields = body["violacoes"]!.AsArray().Select(v => v!["propriedade"]!.GetValue<string>()).ToList();
        Assert.Equal(["cob.txid", "cob.valor.original", "cob.chave"], fields);
    }

    [Fact]
    public async Task Reusing_a_txid_for_a_different_charge_is_refused()
    {
        var txid = PixTxid.NewRandom();
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(HttpMethod.Put, "cob/" + txid, CobBody("10.00"))).Status);
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(HttpMethod.Put, "cob/" + txid, CobBody("10.00"))).Status);

        var (status, body, _) = await SendAsync(HttpMethod.Put, "cob/" + txid, CobBody("11.00"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("cob.txid", body!["violacoes"]![0]!["propriedade"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Get, "cobv/" + txid)).Status); // a cob is not a cobv
    }

    [Fact]
    public async Task Pix_list_requires_the_time_window()
    {
        var (status, body, _) = await SendAsync(HttpMethod.Get, "pix");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.EndsWith("/PixConsultaInvalida", body!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Pay_creates_a_pix_with_a_32_char_e2eid_and_rejects_paying_twice()
    {
        var txid = PixTxid.NewRandom();
        await SendAsync(HttpMethod.Put, "cob/" + txid, CobBody("15.00"));

        var paid = await _psp.PayAsync(txid);

        Assert.Matches("^E99999008[0-9]{12}[a-z0-9]{11}$", paid.EndToEndId);
        Assert.Null(paid.WebhookStatusCode); // no webhook registered
        Assert.Equal("CONCLUIDA", _psp.GetChargeStatus(txid));
        var (_, pix, _) = await SendAsync(HttpMethod.Get, "pix/" + paid.EndToEndId);
        Assert.Equal("15.00", pix!["valor"]!.GetValue<string>());
        await Assert.ThrowsAsync<InvalidOperationException>(() => _psp.PayAsync(txid));
        await Assert.ThrowsAsync<InvalidOperationException>(() => _psp.PayAsync(PixTxid.NewRandom()));
    }

    [Fact]
    public async Task Request_log_never_keeps_token_request_bodies()
    {
        await TokenAsync();

        var token = Assert.Single(_psp.Requests);
        Assert.Equal(string.Empty, token.Body);
        Assert.Equal("Basic", token.AuthorizationScheme);
        Assert.DoesNotContain(_psp.ClientSecret, token.ToString());
        Assert.False(SensitiveData.Redact(token.Path).Contains(_psp.ClientSecret, StringComparison.Ordinal));
    }
}
