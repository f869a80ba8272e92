namespace Cobranca.Connectors.WhatsApp.Tests;

public sealed class ServiceWindowTests
{
    [Fact]
    public async Task Free_form_to_a_user_who_never_wrote_is_refused_before_any_call()
    {
        await using var host = await WhatsAppTestHost.StartAsync();

        var error = await Assert.ThrowsAsync<WhatsAppServiceWindowClosedException>(() =>
            host.Client.SendTextAsync(WhatsAppUser.FromPhone(WhatsAppTestHost.Customer), "Olá"));

        Assert.False(error.FromApi);
        Assert.Null(error.LastInboundAt);
        Assert.Empty(host.Sandbox.Requests);
    }

    [Fact]
    public async Task The_window_opens_on_an_inbound_message_and_closes_24_hours_later()
    {
        await using var host = await WhatsAppTestHost.StartAsync();
        var user = WhatsAppUser.FromPhone(WhatsAppTestHost.Customer);
        await host.Sandbox.TypeAsCustomerAsync(WhatsAppTestHost.Customer, "quero a segunda via");

        var open = await host.Client.GetServiceWindowAsync(user);
        await host.Client.SendTextAsync(user, "Claro!");
        host.Time.Advance(TimeSpan.FromHours(23) + TimeSpan.FromMinutes(59));
        await host.Client.SendTextAsync(user, "Ainda dentro da janela");
        host.Time.Advance(TimeSpan.FromMinutes(1));
        var error = await Assert.ThrowsAsync<WhatsAppServiceWindowClosedException>(() => host.Client.SendTextAsync(user, "Fora da janela"));
        await host.Client.SendAsync(new WhatsAppTemplateMessage { To = user, Name = "servico_restabelecido", BodyParameters = [WhatsAppTemplateParameter.Text("Maria")] });

        Assert.True(open.IsOpen);
        Assert.Equal(open.LastInboundAt + TimeSpan.FromHours(24), open.ClosesAt);
        Assert.Equal(open.LastInboundAt, error.LastInboundAt);
        Assert.Equal(3, host.Sandbox.Messages.Count); // two texts inside, the template outside; the refused text never left
    }

    [Fact]
    public async Task The_window_is_kept_in_the_state_store_collection_whatsapp_window()
    {
        await using var host = await WhatsAppTestHost.StartAsync();
        await host.Sandbox.TypeAsCustomerAsync(WhatsAppTestHost.Customer, "oi");

        var store = host.Stores["whatsapp.window"];
        var entry = await store.GetAsync(WhatsAppTestHost.Customer);

        Assert.NotNull(entry);
        Assert.Contains("\"last\"", entry.Value, StringComparison.Ordinal);
        // A second client on the same stores (a restart) knows the window.
        using var restarted = new WhatsAppClient(WhatsAppTestHost.Options(host.Sandbox), c => host.Stores[c], null, null, host.Time);
        Assert.True((await restarted.GetServiceWindowAsync(WhatsAppUser.FromPhone(WhatsAppTestHost.Customer))).IsOpen);
    }

    [Fact]
    public async Task An_eight_digit_wa_id_opens_the_window_of_the_stored_nine_digit_mobile()
    {
        await using var host = await WhatsAppTestHost.StartAsync(s => s.EightDigitAccounts.Add("553196883193"));

        await host.Sandbox.TypeAsCustomerAsync("553196883193", "oi"); // the account kept the old form
        var result = await host.Client.SendTextAsync(WhatsAppUser.FromPhone("(31) 99688-3193"), "Olá"); // the ERP has the nine digits

        Assert.Equal("553196883193", result.Recipient.WaId); // Meta reports the canonical wa_id
        Assert.Contains("\"to\":\"5531996883193\"", host.SendBodies[^1], StringComparison.Ordinal);
        Assert.Equal("553196883193", host.Sandbox.Messages[^1].WaId);
    }

    [Fact]
    public async Task Without_the_local_check_the_sandbox_accepts_then_fails_the_message_with_131047()
    {
        await using var host = await WhatsAppTestHost.StartAsync(client: o => o.EnforceServiceWindow = false);

        var result = await host.Client.SendTextAsync(WhatsAppUser.FromPhone(WhatsAppTestHost.Customer), "Olá");
        await host.Sandbox.DeliverPendingStatusesAsync();

        var status = Assert.Single(host.Batches.SelectMany(b => b.Statuses));
        Assert.Equal(WhatsAppMessageStatus.Failed, status.Status);
        Assert.Equal(131047, Assert.Single(status.Errors).Code);
        Assert.Equal(WhatsAppErrorClass.ServiceWindowClosed, status.Errors[0].Class);
        var state = await host.Client.GetMessageStateAsync(result.MessageId);
        Assert.Equal(WhatsAppMessageStatus.Failed, state!.Status);
        Assert.Equal(131047, state.ErrorCode);
    }

    [Fact]
    public async Task A_late_older_inbound_message_never_shortens_the_window()
    {
        await using var host = await WhatsAppTestHost.StartAsync();
        var user = WhatsAppUser.FromPhone(WhatsAppTestHost.Customer);
        var now = host.Time.GetUtcNow();

        await host.Client.RecordInboundAsync(user, now);
        await host.Client.RecordInboundAsync(user, now - TimeSpan.FromHours(5));

        Assert.Equal(now, (await host.Client.GetServiceWindowAsync(user)).LastInboundAt);
    }
}
