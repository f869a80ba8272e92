using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cobranca.Connectors.WhatsApp.Tests;

public sealed class WebhookTests
{
    [Fact]
    public async Task The_handshake_echoes_the_challenge_only_for_subscribe_and_the_right_token()
    {
        await using var host = await WhatsAppTestHost.StartAsync();
        var hooks = host.Client.Webhooks;

        Assert.Equal("1158201444", hooks.VerifySubscription("subscribe", "verify-me", "1158201444"));
        Assert.Equal("not-a-number", hooks.VerifySubscription("subscribe", "verify-me", "not-a-number")); // echoed verbatim
        Assert.Null(hooks.VerifySubscription("subscribe", "wrong", "1158201444"));
        Assert.Null(hooks.VerifySubscription("unsubscribe", "verify-me", "1158201444"));
        Assert.Null(hooks.VerifySubscription("subscribe", null, "1158201444"));
        Assert.Null(hooks.VerifySubscription("subscribe", "verify-me", null));
    }

    [Fact]
    public async Task Without_a_verify_token_no_handshake_succeeds()
    {
        await using var host = await WhatsAppTestHost.StartAsync(client: o => o.VerifyToken = null);
        Assert.Null(host.Client.Webhooks.VerifySubscription("subscribe", "", "1"));
    }

    private static byte[] Sample(string text = "Olá, ação") => JsonSerializer.SerializeToUtf8Bytes(new JsonObject
    {
        ["object"] = "whatsapp_business_account",
        ["entry"] = new JsonArray(new JsonObject
        {
            ["id"] = "419561257915477",
            ["changes"] = new JsonArray(new JsonObject
            {
                ["field"] = "messages",
                ["value"] = new JsonObject
                {
                    ["messaging_product"] = "whatsapp",
                    ["metadata"] = new JsonObject { ["display_phone_number"] = "551140028922", ["phone_number_id"] = "106540352242922" },
                    ["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = "João" }, ["wa_id"] = "5511987654321" }),
                    ["messages"] = new JsonArray(new JsonObject
                    {
                        ["from"] = "5511987654321", ["id"] = "wamid.IN1", ["timestamp"] = "1764594000", ["type"] = "text",
                        ["text"] = new JsonObject { ["body"] = text },
                    }),
                },
            }),
        }),
    });

    private static string Sign(byte[] body, string secret) => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    [Fact]
    public async Task A_valid_signature_over_the_raw_bytes_is_accepted()
    {
        await using var host = await WhatsAppTestHost.StartAsync();
        var body = Sample();

        var batch = await host.Client.Webhooks.HandleAsync(body, Sign(body, host.Sandbox.AppSecret));

        var message = Assert.Single(batch.Messages);
        Assert.Equal("Olá, ação", message.Text);
        Assert.Equal("João", message.ProfileName);
        Assert.True(host.Client.Webhooks.IsSignatureValid(body, host.Sandbox.Sign(body)));
    }

    [Fact]
    public async Task Invalid_missing_upper_case_and_wrong_secret_signatures_are_rejected_and_nothing_is_processed()
    {
        await using var host = await WhatsAppTestHost.StartAsync();
        var body = Sample();
        var good = Sign(body, host.Sandbox.AppSecret);
        var hooks = host.Client.Webhooks;

        foreach (var header in new string?[]
                 {
                     null, "", "sha256=", good.ToUpperInvariant(), "SHA256=" + good[7..], "sha1=" + good[7..], Sign(body, "another-secret"),
                     good[..^2] + (good[^2..] == "00" ? "01" : "00"), good + "00", "sha256=zz" + good[9..],
                 })
        {
            var error = await Assert.ThrowsAsync<WhatsAppWebhookRejectedException>(() => hooks.HandleAsync(body, header));
            Assert.True(error.SignatureProblem);
        }
        Assert.False((await host.Client.GetServiceWindowAsync(WhatsAppUser.FromPhone(WhatsAppTestHost.Customer))).IsOpen);
    }

    [Fact]
    public async Task A_re_encoded_body_fails_the_signature_even_with_the_same_json_meaning()
    {
        await using var host = await WhatsAppTestHost.StartAsync();
        var body = Sample();
        var signature = Sign(body, host.Sandbox.AppSecret);
        // What a framework does when it model-binds and re-serialises: same JSON, different bytes (ç instead of \u00E7).
        var reEncoded = JsonSerializer.SerializeToUtf8Bytes(JsonNode.Parse(body), new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var indented = JsonSerializer.SerializeToUtf8Bytes(JsonNode.Parse(body), new JsonSerializerOptions { WriteIndented = true });

        Assert.NotEqual(body, reEncoded);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(body), JsonNode.Parse(reEncoded)));
        await Assert.ThrowsAsync<WhatsAppWebhookRejectedException>(() => host.Client.Webhooks.HandleAsync(reEncoded, signature));
        await Assert.ThrowsAsync<WhatsAppWebhookRejectedException>(() => host.Client.Webhooks.HandleAsync(indented, signature));
    }

    [Fact]
    public async Task A_signed_body_that_is_not_a_whatsapp_webhook_is_rejected_as_malformed()
    {
        await using var host = await WhatsAppTestHost.StartAsync();
        foreach (var text in new[] { "{\"object\":\"page\",\"entry\":[]}", "{not json", "[]" })
        {
            var body = Encoding.UTF8.GetBytes(text);
            var error = await Assert.ThrowsAsync<WhatsAppWebhookRejectedException>(() => host.Client.Webhooks.HandleAsync(body, Sign(body, host.Sandbox.AppSecret)));
            Assert.False(error.SignatureProblem);
        }
    }

    [Fact]
    public async Task Without_an_app_secret_every_webhook_is_rejected()
    {
        await using var host = await WhatsAppTestHost.StartAsync(client: o => o.AppSecret = null);
        var body = Sample();
        await Assert.ThrowsAsync<WhatsAppWebhookRejectedException>(() => host.Client.Webhooks.HandleAsync(body, Sign(body, host.Sandbox.AppSecret)));
    }

    [Fact]
    public async Task Redelivered_webhooks_are_deduplicated_through_the_state_store()
    {
        await using var host = await WhatsAppTestHost.StartAsync();
        await host.Sandbox.TypeAsCustomerAsync(WhatsAppTestHost.Customer, "oi");
        var result = await host.Client.SendTextAsync(WhatsAppUser.FromPhone(WhatsAppTestHost.Customer), "Olá");
        await host.Sandbox.DeliverPendingStatusesAsync();

        foreach (var webhook in host.Sandbox.Webhooks.ToList()) await host.Sandbox.RedeliverAsync(webhook);

        Assert.Single(host.Batches.SelectMany(b => b.Messages));
        Assert.Equal(2, host.Batches.SelectMany(b => b.Statuses).Count()); // sent, delivered: once each
        Assert.Equal(3, host.Batches.Sum(b => b.Duplicates));
        Assert.True(host.Stores["whatsapp.webhook-seen"].Count >= 3);
        Assert.Equal(WhatsAppMessageStatus.Delivered, (await host.Client.GetMessageStateAsync(result.MessageId))!.Status);
    }

    [Fact]
    public async Task Statuses_never_go_back_read_then_a_late_delivered_is_ignored()
    {
        await using var host = await WhatsAppTestHost.StartAsync(s => s.QueueStatuses = false);
        var result = await host.Client.SendAsync(new WhatsAppTemplateMessage
        {
            To = WhatsAppUser.FromPhone(WhatsAppTestHost.Customer), Name = "servico_restabelecido", BodyParameters = [WhatsAppTemplateParameter.Text("Maria")],
        });

        await host.Sandbox.DeliverStatusAsync(result.MessageId, "read");
        await host.Sandbox.DeliverStatusAsync(result.MessageId, "delivered");
        await host.Sandbox.DeliverStatusAsync(result.MessageId, "sent");
        await host.Sandbox.DeliverStatusAsync(result.MessageId, "failed");

        Assert.Equal([WhatsAppMessageStatus.Read], host.Batches.SelectMany(b => b.Statuses).Select(s => s.Status));
        Assert.Equal(3, host.Batches.Sum(b => b.Stale));
        Assert.Equal(WhatsAppMessageStatus.Read, (await host.Client.GetMessageStateAsync(result.ClientReference))!.Status);
    }

    [Fact]
    public async Task A_failed_status_is_overtaken_by_a_later_delivered()
    {
        await using var host = await WhatsAppTestHost.StartAsync(s => s.QueueStatuses = false);
        var result = await host.Client.SendAsync(new WhatsAppTemplateMessage
        {
            To = WhatsAppUser.FromPhone(WhatsAppTestHost.Customer), Name = "servico_restabelecido", BodyParameters = [WhatsAppTemplateParameter.Text("Maria")],
        });

        await host.Sandbox.DeliverStatusAsync(result.MessageId, "failed", 131026);
        await host.Sandbox.DeliverStatusAsync(result.MessageId, "delivered");

        var statuses = host.Batches.SelectMany(b => b.Statuses).ToList();
        Assert.Equal([WhatsAppMessageStatus.Failed, WhatsAppMessageStatus.Delivered], statuses.Select(s => s.Status));
        Assert.Equal(WhatsAppErrorClass.Undeliverable, statuses[0].Errors[0].Class);
        Assert.Equal(result.ClientReference, statuses[0].ClientReference);
    }

    [Fact]
    public async Task Inbound_text_template_button_reply_button_and_list_reply_are_normalised()
    {
        await using var host = await WhatsAppTestHost.StartAsync();
        var c = WhatsAppTestHost.Customer;

        await host.Sandbox.TypeAsCustomerAsync(c, "123.456.789-09");
        await host.Sandbox.TapTemplateButtonAsync(c, "FAT-1|PIX", "Pagar com Pix", "wamid.T");
        await host.Sandbox.ReplyButtonAsync(c, "PAY_BOLETO", "Boleto");
        await host.Sandbox.ChooseListRowAsync(c, "INV2", "Dezembro", "R$ 99,90");

        var m = host.Batches.SelectMany(b => b.Messages).ToList();
        Assert.Equal([WhatsAppInboundKind.Text, WhatsAppInboundKind.TemplateButton, WhatsAppInboundKind.ButtonReply, WhatsAppInboundKind.ListReply], m.Select(x => x.Kind));
        Assert.Equal("123.456.789-09", m[0].Text);
        Assert.Equal(("FAT-1|PIX", "Pagar com Pix", "wamid.T"), (m[1].ReplyId, m[1].ReplyTitle, m[1].ContextMessageId));
        Assert.Equal(("PAY_BOLETO", "Boleto"), (m[2].ReplyId, m[2].ReplyTitle));
        Assert.Equal(("INV2", "Dezembro"), (m[3].ReplyId, m[3].ReplyTitle));
        Assert.All(m, x => Assert.Equal(c, x.From.WaId));
        Assert.All(m, x => Assert.Equal(host.Sandbox.PhoneNumberId, x.PhoneNumberId));
        Assert.All(m, x => Assert.Equal(host.Time.GetUtcNow().ToUnixTimeSeconds(), x.Timestamp.ToUnixTimeSeconds()));
    }

    [Fact]
    public async Task A_user_without_a_phone_arrives_by_business_scoped_id_and_opens_its_window()
    {
        await using var host = await WhatsAppTestHost.StartAsync();

        await host.Sandbox.TypeAsCustomerAsync(null, "oi", userId: "BR.1502576394655843");

        var m = Assert.Single(host.Batches.SelectMany(b => b.Messages));
        Assert.Null(m.From.WaId);
        Assert.Equal("BR.1502576394655843", m.From.UserId);
        Assert.True((await host.Client.GetServiceWindowAsync(WhatsAppUser.FromUserId("BR.1502576394655843"))).IsOpen);
    }

    [Fact]
    public async Task Out_of_band_errors_and_other_fields_are_reported_not_processed()
    {
        await using var host = await WhatsAppTestHost.StartAsync();
        var body = Encoding.UTF8.GetBytes("""
            {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[
              {"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"1","phone_number_id":"106540352242922"},
                "errors":[{"code":130429,"title":"Rate limit hit","message":"Rate limit hit","error_data":{"details":"throughput"}}]}},
              {"field":"message_template_status_update","value":{"event":"APPROVED","message_template_name":"fatura_vencimento"}}]}]}
            """);

        var batch = await host.Client.Webhooks.HandleAsync(body, Sign(body, host.Sandbox.AppSecret));

        var error = Assert.Single(batch.Errors);
        Assert.Equal(130429, error.Code);
        Assert.Equal(WhatsAppErrorClass.RateLimited, error.Class);
        Assert.Equal(1, batch.Ignored);
        Assert.Empty(batch.Messages);
    }

    [Fact]
    public async Task Deliveries_over_http_to_a_url_are_signed()
    {
        // The sandbox POSTs to a loopback listener; the listener hands the raw bytes to the handler.
        await using var receiver = await WhatsAppTestReceiver.StartAsync();
        await using var host = await WhatsAppTestHost.StartAsync(s => { s.WebhookHandler = null; s.WebhookUrl = receiver.Url; });
        receiver.Handler = host.Client.Webhooks;

        await host.Sandbox.TypeAsCustomerAsync(WhatsAppTestHost.Customer, "oi");

        var batch = Assert.Single(receiver.Batches);
        Assert.Equal("oi", Assert.Single(batch.Messages).Text);
    }
}
