using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing.Pix;

namespace Cobranca.Connectors.Pix.Tests;

internal static class TestKit
{
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
}
