using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing.WhatsApp;
using Cobranca.Connectors.Tests.Shared;

namespace Cobranca.Connectors.WhatsApp.Tests;

public sealed class ErrorAndRetryTests
{
    private static readonly WhatsAppUser To = WhatsAppUser.FromPhone(WhatsAppTestHost.Customer);

    private static WhatsAppTemplateMessage Template() => new()
    {
        To = To, Name = "servico_restabelecido", BodyParameters = [WhatsAppTemplateParameter.Text("Maria")],
    };

    [Theory]
    [InlineData(0, WhatsAppErrorClass.Authentication)]
    [InlineData(190, WhatsAppErrorClass.Authentication)]
    [InlineData(10, WhatsAppErrorClass.Authentication)]
    [InlineData(200, WhatsAppErrorClass.Authentication)]
    [InlineData(4, WhatsAppErrorClass.RateLimited)]
    [InlineData(80007, WhatsAppErrorClass.RateLimited)]
    [InlineData(130429, WhatsAppErrorClass.RateLimited)]
    [InlineData(131056, WhatsAppErrorClass.PairRateLimited)]
    [InlineData(131047, WhatsAppErrorClass.ServiceWindowClosed)]
    [InlineData(131026, WhatsAppErrorClass.Undeliverable)]
    [InlineData(131049, WhatsAppErrorClass.Undeliverable)]
    [InlineData(132000, WhatsAppErrorClass.Template)]
    [InlineData(132001, WhatsAppErrorClass.Template)]
    [InlineData(132015, WhatsAppErrorClass.Template)]
    [InlineData(100, WhatsAppErrorClass.InvalidRequest)]
    [InlineData(131009, WhatsAppErrorClass.InvalidRequest)]
    [InlineData(368, WhatsAppErrorClass.AccountRestricted)]
    [InlineData(131031, WhatsAppErrorClass.AccountRestricted)]
    [InlineData(131053, WhatsAppErrorClass.Media)]
    [InlineData(131000, WhatsAppErrorClass.ServiceUnavailable)]
    [InlineData(131016, WhatsAppErrorClass.ServiceUnavailable)]
    [InlineData(999999, WhatsAppErrorClass.Unknown)]
    public void Every_code_has_a_class_and_only_rate_limits_are_retryable(int code, WhatsAppErrorClass expected)
    {
        Assert.Equal(expected, WhatsAppErrorCodes.Classify(code));
        Assert.Equal(expected is WhatsAppErrorClass.RateLimited or WhatsAppErrorClass.PairRateLimited, WhatsAppErrorCodes.IsRetryable(code));
    }

    /// <summary>Each Graph error the sandbox answers, the exception type the client throws, and how many HTTP attempts it made (1 = never retried).</summary>
    [Theory]
    [InlineData(190, 401, typeof(ConnectorAuthenticationException))]
    [InlineData(10, 403, typeof(ConnectorAuthenticationException))]
    [InlineData(131026, 400, typeof(WhatsAppApiException))]
    [InlineData(131047, 400, typeof(WhatsAppServiceWindowClosedException))]
    [InlineData(132000, 400, typeof(ConnectorValidationException))]
    [InlineData(132001, 404, typeof(ConnectorValidationException))]
    [InlineData(132015, 400, typeof(ConnectorValidationException))]
    [InlineData(132016, 400, typeof(ConnectorValidationException))]
    [InlineData(368, 400, typeof(WhatsAppApiException))]
    [InlineData(131031, 400, typeof(WhatsAppApiException))]
    [InlineData(100, 400, typeof(ConnectorValidationException))]
    [InlineData(131000, 500, typeof(WhatsAppSendUnconfirmedException))]
    public async Task Non_retryable_errors_are_mapped_and_sent_once(int code, int status, Type expected)
    {
        await using var host = await WhatsAppTestHost.StartAsync();
        host.Sandbox.InjectFault(WhatsAppSandboxFault.GraphError(code, status), times: 5);

        var error = await Assert.ThrowsAnyAsync<ConnectorException>(() => host.Client.SendAsync(Template()));

        Assert.IsType(expected, error);
        Assert.Single(host.SendBodies); // never retried
        Assert.Empty(host.Sandbox.Messages);
        Assert.Equal("whatsapp", error.Provider);
        if (error is ConnectorApiException api && error is not WhatsAppServiceWindowClosedException)
        {
            Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), api.ProviderErrorCode);
            Assert.StartsWith("A", api.RequestId, StringComparison.Ordinal); // fbtrace_id kept for Meta support
        }
        if (error is WhatsAppApiException wa) Assert.Equal(WhatsAppErrorCodes.Classify(code), wa.ErrorClass);
        if (error is WhatsAppSendUnconfirmedException unconfirmed) Assert.NotNull(unconfirmed.ClientReference);
    }

    [Theory]
    [InlineData(130429, 400)]
    [InlineData(130429, 429)]
    [InlineData(131056, 400)]
    [InlineData(4, 400)]
    [InlineData(80007, 400)]
    public async Task Rate_limits_back_off_and_retry_then_succeed(int code, int status)
    {
        await using var host = await WhatsAppTestHost.StartAsync();
        host.Sandbox.InjectFault(WhatsAppSandboxFault.GraphError(code, status), times: 2);

        var result = await host.Client.SendAsync(Template());

        Assert.Equal(3, result.Attempts);
        Assert.Equal(3, host.SendBodies.Count);
        Assert.Single(host.Sandbox.Messages);
    }

    [Fact]
    public async Task A_persistent_rate_limit_ends_in_a_typed_exception_after_the_configured_attempts()
    {
        await using var host = await WhatsAppTestHost.StartAsync(client: o => o.MaxSendAttempts = 2);
        host.Sandbox.InjectFault(WhatsAppSandboxFault.RateLimit(), times: 5);

        var error = await Assert.ThrowsAsync<WhatsAppRateLimitedException>(() => host.Client.SendAsync(Template()));

        Assert.Equal(130429, error.ErrorCode);
        Assert.Equal(2, host.SendBodies.Count);
        Assert.Empty(host.Sandbox.Messages);
    }

    [Fact]
    public async Task The_back_off_waits_on_the_clock_pair_rate_at_least_its_own_pause()
    {
        var time = new TimerWatchingClock(new DateTimeOffset(2026, 12, 1, 13, 0, 0, TimeSpan.Zero), TimeSpan.FromSeconds(6));
        await using var host = await WhatsAppTestHost.StartAsync(client: o => o.PairRateLimitBackoff = TimeSpan.FromSeconds(6), time: time);
        host.Sandbox.InjectFault(WhatsAppSandboxFault.GraphError(131056));

        var send = host.Client.SendAsync(Template());
        // Move the clock only once the client waits on it (advancing earlier would be lost, and the send would hang).
        await time.TimerDue.Task.WaitAsync(TimeSpan.FromSeconds(30));
        time.Advance(TimeSpan.FromSeconds(5));
        await Task.Delay(50);
        Assert.Single(host.SendBodies); // still waiting: 5 s < 6 s
        time.Advance(TimeSpan.FromSeconds(1));
        var result = await send;

        Assert.Equal(2, result.Attempts);
    }

    [Fact]
    public async Task The_sandbox_enforces_the_pair_rate_with_131056()
    {
        await using var host = await WhatsAppTestHost.StartAsync(s => s.PairRateInterval = TimeSpan.FromSeconds(6), o => o.MaxSendAttempts = 1);
        await host.Client.SendAsync(Template());

        var error = await Assert.ThrowsAsync<WhatsAppRateLimitedException>(() => host.Client.SendAsync(Template()));
        host.Time.Advance(TimeSpan.FromSeconds(6));
        await host.Client.SendAsync(Template());

        Assert.Equal(131056, error.ErrorCode);
        Assert.Equal(2, host.Sandbox.Messages.Count);
    }

    [Fact]
    public async Task The_sandbox_enforces_throughput_with_130429()
    {
        await using var host = await WhatsAppTestHost.StartAsync(s => s.ThroughputPerSecond = 2, o => o.MaxSendAttempts = 1);
        await host.Client.SendAsync(Template());
        await host.Client.SendAsync(Template());

        var error = await Assert.ThrowsAsync<WhatsAppRateLimitedException>(() => host.Client.SendAsync(Template()));

        Assert.Equal(130429, error.ErrorCode);
    }

    [Fact]
    public async Task A_lost_response_after_accepting_is_unconfirmed_never_resent_and_resolved_by_the_status_webhook()
    {
        await using var host = await WhatsAppTestHost.StartAsync();
        host.Sandbox.InjectFault(WhatsAppSandboxFault.LostResponseAfterAccept());

        var error = await Assert.ThrowsAsync<WhatsAppSendUnconfirmedException>(() => host.Client.SendAsync(Template()));

        Assert.Single(host.SendBodies);                         // not repeated
        var accepted = Assert.Single(host.Sandbox.Messages);   // although Meta has it
        Assert.Null(await host.Client.GetMessageStateAsync(error.ClientReference!));
        await host.Sandbox.DeliverPendingStatusesAsync();
        var state = await host.Client.GetMessageStateAsync(error.ClientReference!);
        Assert.NotNull(state);
        Assert.Equal(accepted.Id, state.MessageId);
        Assert.Equal(WhatsAppMessageStatus.Delivered, state.Status);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task A_5xx_without_an_error_object_is_unconfirmed_and_not_retried(int status)
    {
        await using var host = await WhatsAppTestHost.StartAsync(client: o => o.Resilience.MaxRetryAttempts = 3);
        host.Sandbox.InjectFault(WhatsAppSandboxFault.ServerError(status), times: 3);

        await Assert.ThrowsAsync<WhatsAppSendUnconfirmedException>(() => host.Client.SendAsync(Template()));

        Assert.Single(host.SendBodies);
    }

    [Fact]
    public async Task A_connection_cut_mid_request_is_unconfirmed()
    {
        await using var host = await WhatsAppTestHost.StartAsync();
        host.Sandbox.InjectFault(WhatsAppSandboxFault.ConnectionReset());

        await Assert.ThrowsAsync<WhatsAppSendUnconfirmedException>(() => host.Client.SendAsync(Template()));

        Assert.Single(host.SendBodies);
    }

    [Fact]
    public async Task A_refused_connection_is_known_unsent_and_retried()
    {
        var options = new WhatsAppClientOptions
        {
            BaseAddress = new Uri("http://127.0.0.1:9/"), PhoneNumberId = "1", AccessToken = "t", RateLimitBackoff = TimeSpan.Zero, MaxSendAttempts = 2,
        };
        options.Resilience.MaxRetryAttempts = 0;
        using var client = new WhatsAppClient(options);

        var error = await Assert.ThrowsAsync<ConnectorTransportException>(() => client.SendAsync(Template()));

        Assert.True(error.RequestNotSent);
        Assert.IsNotType<WhatsAppSendUnconfirmedException>(error);
    }

    [Fact]
    public async Task A_wrong_token_is_an_authentication_error_without_the_token_in_the_message()
    {
        await using var host = await WhatsAppTestHost.StartAsync(client: o => o.AccessToken = "EAAG-wrong-token-0123456789");

        var error = await Assert.ThrowsAsync<ConnectorAuthenticationException>(() => host.Client.SendAsync(Template()));

        Assert.Equal("190", error.ProviderErrorCode);
        Assert.DoesNotContain("EAAG", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("987654321", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_catalogue_errors_come_from_the_sandbox()
    {
        await using var host = await WhatsAppTestHost.StartAsync();

        var missing = await Assert.ThrowsAsync<ConnectorValidationException>(() => host.Client.SendAsync(new WhatsAppTemplateMessage { To = To, Name = "nao_existe" }));
        var paused = await Assert.ThrowsAsync<ConnectorValidationException>(() => host.Client.SendAsync(new WhatsAppTemplateMessage { To = To, Name = "pausado" }));
        var count = await Assert.ThrowsAsync<ConnectorValidationException>(() => host.Client.SendAsync(new WhatsAppTemplateMessage { To = To, Name = "servico_restabelecido" }));

        Assert.Equal("132001", missing.ProviderErrorCode);
        Assert.Equal("132015", paused.ProviderErrorCode);
        Assert.Equal("132000", count.ProviderErrorCode);
        Assert.Empty(host.Sandbox.Messages);
    }
}
