using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing.Pix;

namespace Cobranca.Connectors.Pix.Tests;

internal static class TestKit
{
    /// <summary>Moves the shared clock to the local date at 09:00 in São Paulo (never back) and runs the payer PSP's scheduler.</summary>
    public static async Task MoveToDayAsync(Microsoft.Extensions.Time.Testing.FakeTimeProvider time, PixPspSandbox sandbox, DateOnly date)
    {
        var target = new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        if (target > time.GetUtcNow()) time.SetUtcNow(target);
        await sandbox.RunRecurrenceSchedulerAsync();
    }

    public static PixClientOptions Options(PixPspSandbox sandbox)
    {
        var options = new PixClientOptions
        {
            BaseAddress = sandbox.BaseUrl,
            TokenUrl = sandbox.TokenUrl,
            ClientId = sandbox.ClientId,
            ClientSecret = sandbox.ClientSecret,
        };
        options.Resilience.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
        options.Resilience.AttemptTimeout = TimeSpan.FromSeconds(10);
        return options;
    }

    public static PixImmediateChargeRequest Cob(PixPspSandbox sandbox, decimal amount = 99.90m) => new()
    {
        Key = sandbox.Key,
        Amount = amount,
        Expiration = TimeSpan.FromHours(1),
        PayerMessage = "Fatura de internet",
    };

    public static PixDebtor Debtor() => new() { Document = Document.Parse("123.456.789-09"), Name = "Francisco da Silva" };

    public static async Task<T> Within<T>(Task<T> task, int seconds = 20)
    {
        var done = await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(seconds)));
        Assert.True(done == task, "operation did not finish in time");
        return await task;
    }

    /// <summary>
    /// A raw <c>GET /{resource}?inicio&amp;fim{extra}</c> on a one-day window with a fresh token, bypassing the client's own
    /// checks; <paramref name="extra"/> <c>"&amp;fimAntes"</c> swaps the window so that <c>fim</c> precedes <c>inicio</c>.
    /// </summary>
    public static async Task<(HttpStatusCode Status, string Body)> RawListAsync(PixPspSandbox sandbox, string resource, string extra)
    {
        using var http = new HttpClient();
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Post, sandbox.TokenUrl)
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
        };
        tokenRequest.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(sandbox.ClientId + ":" + sandbox.ClientSecret)));
        using var tokenResponse = await http.SendAsync(tokenRequest);
        var token = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString();
        var reversed = extra == "&fimAntes";
        var (from, to) = reversed ? ("2027-01-02T00:00:00Z", "2027-01-01T00:00:00Z") : ("2027-01-01T00:00:00Z", "2027-01-02T00:00:00Z");
        var query = $"{resource}?inicio={Uri.EscapeDataString(from)}&fim={Uri.EscapeDataString(to)}{(reversed ? string.Empty : extra)}";
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(sandbox.BaseUrl, query));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
