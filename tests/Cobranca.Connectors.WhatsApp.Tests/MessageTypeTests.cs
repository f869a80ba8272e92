using System.Text;

namespace Cobranca.Connectors.WhatsApp.Tests;

public sealed class MessageTypeTests
{
    private static readonly WhatsAppUser To = WhatsAppUser.FromPhone("(11) 98765-4321");

    private static async Task<WhatsAppTestHost> OpenWindowAsync()
    {
        var host = await WhatsAppTestHost.StartAsync();
        await host.Sandbox.TypeAsCustomerAsync(WhatsAppTestHost.Customer, "oi");
        return host;
    }

    [Fact]
    public async Task Text_is_sent_with_the_exact_body_and_the_result_carries_the_wamid()
    {
        await using var host = await OpenWindowAsync();

        var result = await host.Client.SendAsync(new WhatsAppTextMessage { To = To, Body = "Olá, João! Sua fatura está disponível.", ClientReference = "ref-1" });

        Assert.StartsWith("wamid.", result.MessageId, StringComparison.Ordinal);
        Assert.Equal(result.MessageId, Assert.Single(host.Sandbox.Messages).Id);
        Assert.Equal("ref-1", result.ClientReference);
        Assert.Equal("accepted", result.MessageStatus);
        Assert.Equal(WhatsAppTestHost.Customer, result.Recipient.WaId);
        Assert.Equal(
            """{"messaging_product":"whatsapp","recipient_type":"individual","to":"5511987654321","type":"text","text":{"preview_url":false,"body":"Ol\u00E1, Jo\u00E3o! Sua fatura est\u00E1 dispon\u00EDvel."},"biz_opaque_callback_data":"ref-1"}""",
            Assert.Single(host.SendBodies));
        Assert.Equal("Bearer " + host.Sandbox.AccessToken, host.Sandbox.Requests[^1].Authorization);
        Assert.EndsWith("/v25.0/" + host.Sandbox.PhoneNumberId + "/messages", host.Sandbox.Requests[^1].Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_with_currency_date_and_quick_replies_is_sent_outside_the_window()
    {
        await using var host = await WhatsAppTestHost.StartAsync();

        var result = await host.Client.SendAsync(new WhatsAppTemplateMessage
        {
            To = To, Name = "fatura_vencimento", ClientReference = "ref-2",
            BodyParameters =
            [
                WhatsAppTemplateParameter.Text("Maria"),
                WhatsAppTemplateParameter.Currency(1234.5m),
                WhatsAppTemplateParameter.Date(new DateOnly(2026, 12, 10)),
                WhatsAppTemplateParameter.Text("FAT-123"),
            ],
            Buttons = [WhatsAppTemplateButton.QuickReply(0, "FAT-123|PIX"), WhatsAppTemplateButton.QuickReply(1, "FAT-123|BOLETO")],
        });

        Assert.NotNull(result.MessageId);
        Assert.Equal(
            """{"messaging_product":"whatsapp","recipient_type":"individual","to":"5511987654321","type":"template","template":{"name":"fatura_vencimento","language":{"code":"pt_BR"},"components":[{"type":"body","parameters":[{"type":"text","text":"Maria"},{"type":"currency","currency":{"fallback_value":"R$ 1.234,50","code":"BRL","amount_1000":1234500}},{"type":"date_time","date_time":{"fallback_value":"10/12/2026"}},{"type":"text","text":"FAT-123"}]},{"type":"button","sub_type":"quick_reply","index":"0","parameters":[{"type":"payload","payload":"FAT-123|PIX"}]},{"type":"button","sub_type":"quick_reply","index":"1","parameters":[{"type":"payload","payload":"FAT-123|BOLETO"}]}]},"biz_opaque_callback_data":"ref-2"}""",
            Assert.Single(host.SendBodies));
    }

    [Fact]
    public async Task Named_template_parameters_and_a_document_header_are_sent_as_named()
    {
        await using var host = await WhatsAppTestHost.StartAsync();

        await host.Client.SendAsync(new WhatsAppTemplateMessage
        {
            To = To, Name = "fatura_nomeada", ClientReference = "r",
            BodyParameters = [WhatsAppTemplateParameter.Text("Maria", "nome"), WhatsAppTemplateParameter.Currency(99.9m, name: "valor")],
        });
        await host.Client.SendAsync(new WhatsAppTemplateMessage
        {
            To = To, Name = "fatura_documento", ClientReference = "s",
            HeaderParameters = [WhatsAppTemplateParameter.Document(new Uri("https://isp.example/b/1.pdf"), fileName: "boleto.pdf")],
            BodyParameters = [WhatsAppTemplateParameter.Text("Maria")],
        });

        Assert.Equal(2, host.Sandbox.Messages.Count);
        Assert.Contains("""{"type":"text","parameter_name":"nome","text":"Maria"},{"type":"currency","parameter_name":"valor","currency":{"fallback_value":"R$ 99,90","code":"BRL","amount_1000":99900}}""", host.SendBodies[0], StringComparison.Ordinal);
        Assert.Contains("""{"type":"header","parameters":[{"type":"document","document":{"link":"https://isp.example/b/1.pdf","filename":"boleto.pdf"}}]}""", host.SendBodies[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Document_by_link_and_by_uploaded_media_id()
    {
        await using var host = await OpenWindowAsync();
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4 boleto");

        var mediaId = await host.Client.UploadMediaAsync(new MemoryStream(pdf), "application/pdf", "boleto.pdf");
        await host.Client.SendAsync(new WhatsAppDocumentMessage { To = To, Link = new Uri("https://isp.example/b/1.pdf"), FileName = "boleto.pdf", Caption = "Sua 2ª via", ClientReference = "a" });
        await host.Client.SendAsync(new WhatsAppDocumentMessage { To = To, MediaId = mediaId, FileName = "boleto.pdf", ClientReference = "b" });

        var stored = host.Sandbox.Media(mediaId);
        Assert.NotNull(stored);
        Assert.Equal(pdf, stored.Value.Bytes);
        Assert.Equal("application/pdf", stored.Value.MimeType);
        Assert.Contains("messaging_product=whatsapp", host.Sandbox.Requests[0].Body, StringComparison.Ordinal);
        Assert.Equal(
            """{"messaging_product":"whatsapp","recipient_type":"individual","to":"5511987654321","type":"document","document":{"link":"https://isp.example/b/1.pdf","caption":"Sua 2\u00AA via","filename":"boleto.pdf"},"biz_opaque_callback_data":"a"}""",
            host.SendBodies[^2]);
        Assert.Equal(
            $$"""{"messaging_product":"whatsapp","recipient_type":"individual","to":"5511987654321","type":"document","document":{"id":"{{mediaId}}","filename":"boleto.pdf"},"biz_opaque_callback_data":"b"}""",
            host.SendBodies[^1]);
    }

    [Fact]
    public async Task Image_by_uploaded_media_id_with_a_caption()
    {
        await using var host = await OpenWindowAsync();
        var mediaId = await host.Client.UploadMediaAsync(new MemoryStream([0x89, 0x50, 0x4E, 0x47]), "image/png", "pix.png");

        await host.Client.SendAsync(new WhatsAppImageMessage { To = To, MediaId = mediaId, Caption = "QR Code Pix", ClientReference = "c" });

        Assert.Equal(
            $$"""{"messaging_product":"whatsapp","recipient_type":"individual","to":"5511987654321","type":"image","image":{"id":"{{mediaId}}","caption":"QR Code Pix"},"biz_opaque_callback_data":"c"}""",
            host.SendBodies[^1]);
    }

    [Fact]
    public async Task Reply_buttons_and_a_list()
    {
        await using var host = await OpenWindowAsync();

        await host.Client.SendAsync(new WhatsAppButtonsMessage
        {
            To = To, Header = "Fatura", Body = "Como quer pagar?", Footer = "Provedor", ClientReference = "d",
            Buttons = [new("PAY_PIX", "Pagar com Pix"), new("PAY_BOLETO", "Boleto")],
        });
        await host.Client.SendAsync(new WhatsAppListMessage
        {
            To = To, Body = "Escolha a fatura", ButtonText = "Ver faturas", ClientReference = "e", ReplyToMessageId = "wamid.X",
            Sections = [new("Em aberto", [new("INV1", "Novembro", "R$ 99,90"), new("INV2", "Dezembro")])],
        });

        Assert.Equal(
            """{"messaging_product":"whatsapp","recipient_type":"individual","to":"5511987654321","type":"interactive","interactive":{"type":"button","header":{"type":"text","text":"Fatura"},"body":{"text":"Como quer pagar?"},"footer":{"text":"Provedor"},"action":{"buttons":[{"type":"reply","reply":{"id":"PAY_PIX","title":"Pagar com Pix"}},{"type":"reply","reply":{"id":"PAY_BOLETO","title":"Boleto"}}]}},"biz_opaque_callback_data":"d"}""",
            host.SendBodies[0]);
        Assert.Equal(
            """{"messaging_product":"whatsapp","recipient_type":"individual","to":"5511987654321","context":{"message_id":"wamid.X"},"type":"interactive","interactive":{"type":"list","body":{"text":"Escolha a fatura"},"action":{"button":"Ver faturas","sections":[{"title":"Em aberto","rows":[{"id":"INV1","title":"Novembro","description":"R$ 99,90"},{"id":"INV2","title":"Dezembro"}]}]}},"biz_opaque_callback_data":"e"}""",
            host.SendBodies[1]);
    }

    [Fact]
    public async Task Mark_as_read_sends_the_read_receipt()
    {
        await using var host = await WhatsAppTestHost.StartAsync();
        var inbound = await host.Sandbox.TypeAsCustomerAsync(WhatsAppTestHost.Customer, "oi");

        await host.Client.MarkAsReadAsync(inbound);

        Assert.Contains(inbound, host.Sandbox.ReadMessageIds);
        Assert.Equal($$"""{"messaging_product":"whatsapp","status":"read","message_id":"{{inbound}}"}""", host.SendBodies[^1]);
    }

    [Fact]
    public async Task A_business_scoped_user_id_is_sent_as_recipient()
    {
        await using var host = await WhatsAppTestHost.StartAsync();
        await host.Sandbox.TypeAsCustomerAsync(null, "oi", userId: "BR.1502576394655843");

        var result = await host.Client.SendTextAsync(WhatsAppUser.FromUserId("BR.1502576394655843"), "Olá");

        Assert.Equal("BR.1502576394655843", result.Recipient.UserId);
        Assert.Contains("\"recipient\":\"BR.1502576394655843\"", host.SendBodies[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("\"to\"", host.SendBodies[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public async Task Invalid_interactive_messages_are_refused_before_any_call(int buttons)
    {
        await using var host = await OpenWindowAsync();
        var message = new WhatsAppButtonsMessage
        {
            To = To, Body = "x", Buttons = Enumerable.Range(0, buttons).Select(i => new WhatsAppReplyButton("B" + i, "T" + i)).ToList(),
        };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => host.Client.SendAsync(message));

        Assert.Contains("1 to 3 buttons", error.Message, StringComparison.Ordinal);
        Assert.Empty(host.SendBodies);
    }

    [Fact]
    public async Task A_button_title_over_20_characters_and_a_list_over_10_rows_are_refused()
    {
        await using var host = await OpenWindowAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => host.Client.SendAsync(new WhatsAppButtonsMessage
        {
            To = To, Body = "x", Buttons = [new("A", "Um título longo demais!")],
        }));
        await Assert.ThrowsAsync<ArgumentException>(() => host.Client.SendAsync(new WhatsAppListMessage
        {
            To = To, Body = "x", ButtonText = "Ver",
            Sections = [new("A", Enumerable.Range(0, 6).Select(i => new WhatsAppListRow("a" + i, "r")).ToList()), new("B", Enumerable.Range(0, 5).Select(i => new WhatsAppListRow("b" + i, "r")).ToList())],
        }));
        await Assert.ThrowsAsync<ArgumentException>(() => host.Client.SendAsync(new WhatsAppDocumentMessage { To = To, Link = new Uri("http://insecure.example/b.pdf") }));
        Assert.Empty(host.SendBodies);
    }
}
