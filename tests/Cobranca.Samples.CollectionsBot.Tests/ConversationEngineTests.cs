using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Pix;
using CollectionsBot.Bot;
using static Cobranca.Samples.CollectionsBot.Tests.BotHarness;

namespace Cobranca.Samples.CollectionsBot.Tests;

public sealed class ConversationEngineTests
{
    /// <summary>Anything that would disclose the debt or the holder: names, amounts, invoice ids, codes.</summary>
    private static readonly string[] Secrets =
        ["ANA", "Ana", "MARIA", "Maria", "JOAO", "Joao", "R$", "119", "99,9", "59,9", "249", "3010", "3001", "3002", "3008", "000201", "Fatura", "fatura", "vencid", "Linha", "boleto"];

    private static void AssertNothingDisclosed(IEnumerable<BotMessage> messages)
    {
        foreach (var m in messages)
        {
            Assert.IsType<BotText>(m); // no buttons, lists, images or documents before the second factor
            var text = RecordingChannel.Visible(m);
            foreach (var secret in Secrets) Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_first_message_greets_and_asks_the_second_factor_before_anything_else()
    {
        await using var h = await StartAsync();
        Assert.Equal(BotHandling.Answered, await h.SayAsync(AnaWaId, "oi, quero a segunda via"));
        var sent = h.Channel.To(AnaWaId);
        Assert.Equal(2, sent.Count);
        Assert.Contains("3 primeiros dígitos", RecordingChannel.Visible(sent[1]), StringComparison.Ordinal);
        AssertNothingDisclosed(sent);
    }

    [Fact]
    public async Task Three_wrong_answers_lock_the_number_and_nothing_is_disclosed_not_even_with_the_right_answer_during_the_lock()
    {
        await using var h = await StartAsync();
        await h.SayAsync(AnaWaId, "oi");
        await h.SayAsync(AnaWaId, "999");
        await h.SayAsync(AnaWaId, "998");
        await h.SayAsync(AnaWaId, "997");
        Assert.Contains("bloqueada", RecordingChannel.Visible(h.Channel.To(AnaWaId)[^1]), StringComparison.Ordinal);

        h.Time.Advance(TimeSpan.FromMinutes(29));
        await h.SayAsync(AnaWaId, AnaCpf[..3]);          // right, but locked
        await h.SayAsync(AnaWaId, "segunda via");
        AssertNothingDisclosed(h.Channel.To(AnaWaId));
        Assert.Empty(h.Psp.Requests);                   // no charge was created either

        h.Time.Advance(TimeSpan.FromMinutes(2));         // the 30-minute lock is over
        await h.SayAsync(AnaWaId, AnaCpf[..3]);
        Assert.Contains("Ana", RecordingChannel.Visible(h.Channel.To(AnaWaId)[^2]), StringComparison.Ordinal);
        Assert.Contains("R$ 119,90", RecordingChannel.Visible(h.Channel.To(AnaWaId)[^1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_number_in_no_cadastro_gets_the_same_answers_as_a_wrong_second_factor()
    {
        await using var h = await StartAsync();
        foreach (var text in new[] { "oi", "111", "123", "112" }) await h.SayAsync(StrangerWaId, text);
        await using var h2 = await StartAsync();
        foreach (var text in new[] { "oi", "999", "998", "997" }) await h2.SayAsync(AnaWaId, text);
        Assert.Equal(h2.Channel.To(AnaWaId).Select(RecordingChannel.Visible), h.Channel.To(StrangerWaId).Select(RecordingChannel.Visible));
        AssertNothingDisclosed(h.Channel.To(StrangerWaId));
    }

    [Fact]
    public async Task Text_that_is_not_an_answer_is_asked_again_without_counting_a_failure()
    {
        await using var h = await StartAsync();
        await h.SayAsync(AnaWaId, "oi");
        foreach (var text in new[] { "quanto devo?", "qual meu nome?", "me mostra a fatura", "12" }) await h.SayAsync(AnaWaId, text);
        await h.SayAsync(AnaWaId, AnaCpf[..3]);
        Assert.Contains("Identidade confirmada", RecordingChannel.Visible(h.Channel.To(AnaWaId)[^2]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_whatsapp_id_without_the_ninth_digit_finds_the_customer_stored_with_it()
    {
        await using var h = await StartAsync();
        await h.SayAsync(AnaWaId, "oi");
        await h.SayAsync(AnaWaId, "111");
        var menu = Assert.IsType<BotButtons>(h.Channel.To(AnaWaId)[^1]);
        Assert.Equal([ConversationEngine.ChoiceSecondCopy, ConversationEngine.ChoiceTrustUnlock, ConversationEngine.ChoiceHuman], menu.Buttons.Select(b => b.Id));
        Assert.All(menu.Buttons, b => Assert.InRange(b.Title.Length, 1, 20));
        Assert.Contains("1 fatura(s) vencida(s), total R$ 119,90", menu.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shared_phone_whose_customers_share_the_digits_asks_for_the_full_document()
    {
        await using var h = await StartAsync();
        await h.SayAsync(SharedWaId, "oi");
        await h.SayAsync(SharedWaId, "123");
        Assert.Contains("completo", RecordingChannel.Visible(h.Channel.To(SharedWaId)[^1]), StringComparison.Ordinal);
        AssertNothingDisclosed(h.Channel.To(SharedWaId));
        await h.SayAsync(SharedWaId, "123.456.789-09");
        Assert.Contains("Maria", RecordingChannel.Visible(h.Channel.To(SharedWaId)[^2]), StringComparison.Ordinal);
        Assert.Contains("2 fatura(s) vencida(s)", RecordingChannel.Visible(h.Channel.To(SharedWaId)[^1]), StringComparison.Ordinal);
        Assert.DoesNotContain(h.Channel.To(SharedWaId), m => RecordingChannel.Visible(m).Contains("249", StringComparison.Ordinal)); // João's invoice
    }

    [Fact]
    public async Task The_second_copy_sends_the_boleto_the_pix_code_alone_and_its_qr_png_and_records_the_charge()
    {
        await using var h = await StartAsync();
        await h.SayAsync(AnaWaId, "oi");
        await h.SayAsync(AnaWaId, "111");
        var before = h.Channel.To(AnaWaId).Count;
        await h.TapAsync(AnaWaId, ConversationEngine.ChoiceSecondCopy, "Segunda via");
        var sent = h.Channel.To(AnaWaId).Skip(before).ToList();

        var txid = PixTxid.ForInvoice(h.Options.TxidPrefix, "3010");
        var charge = await h.Pix.GetDueChargeAsync(txid);
        Assert.Equal(119.90m, charge.Amount);
        var copyPaste = Assert.Single(sent.OfType<BotText>(), t => t.Body == charge.CopyPaste); // alone in its message
        Assert.True(BrCode.TryParse(copyPaste.Body, out _));
        var image = Assert.Single(sent.OfType<BotImage>());
        Assert.Equal("image/png", image.ContentType);
        Assert.Equal(PixQrCode.RenderPng(charge.CopyPaste!), image.Content);
        var slip = await h.Billing.GetPaymentSlipAsync("3010");
        Assert.Single(sent.OfType<BotText>(), t => t.Body == slip.DigitableLine);
        Assert.Equal(new BotCharge("3010", "1004", AnaWaId), await h.Stores.GetChargeAsync(txid));

        // Asking again reuses the charge (same txid at the PSP, no second cobv).
        await h.SayAsync(AnaWaId, "segunda via");
        Assert.Single(h.Psp.Requests, r => r.Method == "PUT");
    }

    [Fact]
    public async Task Several_open_invoices_come_as_a_list_and_a_row_id_of_someone_elses_invoice_gets_nothing()
    {
        await using var h = await StartAsync();
        await h.SayAsync(SharedWaId, "oi");
        await h.SayAsync(SharedWaId, "123");
        await h.SayAsync(SharedWaId, "12345678909");
        await h.TapAsync(SharedWaId, ConversationEngine.ChoiceSecondCopy);
        var list = Assert.IsType<BotList>(h.Channel.To(SharedWaId)[^1]);
        Assert.Equal(["inv:3001", "inv:3002"], list.Rows.Select(r => r.Id));
        Assert.All(list.Rows, r => Assert.InRange(r.Title.Length, 1, 24));

        var before = h.Channel.To(SharedWaId).Count;
        await h.TapAsync(SharedWaId, "inv:3010"); // forged
        var after = h.Channel.To(SharedWaId).Skip(before).Select(RecordingChannel.Visible).ToList();
        Assert.Contains("Não encontrei", after[0], StringComparison.Ordinal);
        Assert.DoesNotContain(after, t => t.Contains("119", StringComparison.Ordinal));
        Assert.Equal(0, h.Psp.Requests.Count(r => r.Method == "PUT"));

        await h.TapAsync(SharedWaId, "inv:3002");
        Assert.Contains(h.Channel.To(SharedWaId), m => m is BotImage);
    }

    [Fact]
    public async Task Asking_for_a_person_hands_off_and_the_bot_stops_answering_until_released()
    {
        await using var h = await StartAsync();
        await h.SayAsync(AnaWaId, "oi");
        await h.TapAsync(AnaWaId, ConversationEngine.ChoiceHuman); // allowed before verification: it discloses nothing
        var count = h.Channel.To(AnaWaId).Count;
        Assert.Equal(BotHandling.HandedOff, await h.SayAsync(AnaWaId, "111"));
        Assert.Equal(BotHandling.HandedOff, await h.SayAsync(AnaWaId, "alô?"));
        Assert.Equal(count, h.Channel.To(AnaWaId).Count);
        Assert.Equal([AnaWaId], await h.Engine.ListHandedOffAsync());

        Assert.True(await h.Engine.ReleaseAsync(AnaWaId));
        Assert.Empty(await h.Engine.ListHandedOffAsync());
        await h.SayAsync(AnaWaId, "voltei");
        Assert.Contains("3 primeiros dígitos", RecordingChannel.Visible(h.Channel.To(AnaWaId)[^1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redelivered_inbound_message_is_answered_once()
    {
        await using var h = await StartAsync();
        var hello = new BotInbound(AnaWaId, "wamid.same", h.Time.GetUtcNow(), "oi");
        Assert.Equal(BotHandling.Answered, await h.Engine.HandleAsync(hello));
        var count = h.Channel.To(AnaWaId).Count;
        Assert.Equal(BotHandling.Duplicate, await h.Engine.HandleAsync(hello));
        Assert.Equal(BotHandling.Duplicate, await h.Engine.HandleAsync(hello with { Timestamp = hello.Timestamp.AddSeconds(30) }));
        Assert.Equal(count, h.Channel.To(AnaWaId).Count);

        // Concurrent redeliveries of one answer: one transition, one reply.
        var answer = new BotInbound(AnaWaId, "wamid.answer", h.Time.GetUtcNow(), "999");
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => h.Engine.HandleAsync(answer))));
        Assert.Single(results, r => r == BotHandling.Answered);
        Assert.Equal(count + 1, h.Channel.To(AnaWaId).Count);
        var state = Conversation.FromJson((await h.Stores.Conversations.GetAsync(AnaWaId))!.Value);
        Assert.Equal(1, state.Failures);
    }

    [Fact]
    public async Task An_idle_verified_session_asks_the_second_factor_again()
    {
        await using var h = await StartAsync();
        await h.SayAsync(AnaWaId, "oi");
        await h.SayAsync(AnaWaId, "111");
        h.Time.Advance(TimeSpan.FromMinutes(31));
        await h.SayAsync(AnaWaId, "segunda via");
        Assert.Contains("3 primeiros dígitos", RecordingChannel.Visible(h.Channel.To(AnaWaId)[^1]), StringComparison.Ordinal);
        Assert.Equal(0, h.Psp.Requests.Count(r => r.Method == "PUT"));
    }

    [Fact]
    public async Task Trust_unlock_releases_a_blocked_contract_and_a_second_request_is_refused_politely()
    {
        await using var h = await StartAsync();
        await h.SayAsync(AnaWaId, "oi");
        await h.SayAsync(AnaWaId, "111");
        await h.TapAsync(AnaWaId, ConversationEngine.ChoiceTrustUnlock);
        Assert.Contains("Liberei", RecordingChannel.Visible(h.Channel.To(AnaWaId)[^1]), StringComparison.Ordinal);
        Assert.True((await h.Billing.AccessController.GetAccessStateAsync(new Subscriber { ContractId = "2004", CustomerId = "1004", Login = "ana.ribeiro" })).Status.HasFullAccess);
        await h.TapAsync(AnaWaId, ConversationEngine.ChoiceTrustUnlock);
        Assert.Contains("já está liberada", RecordingChannel.Visible(h.Channel.To(AnaWaId)[^1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_paid_charge_unblocks_and_tells_the_customer_once_even_when_the_payment_is_redelivered()
    {
        await using var h = await StartAsync();
        await h.SayAsync(AnaWaId, "oi");
        await h.SayAsync(AnaWaId, "111");
        await h.TapAsync(AnaWaId, ConversationEngine.ChoiceSecondCopy);
        var txid = PixTxid.ForInvoice(h.Options.TxidPrefix, "3010");
        var notifier = h.NewNotifier();
        h.Billing.RecordPayment("3010", 119.90m, h.Time.GetUtcNow());
        var payment = new PaymentReceived { PaymentId = "E2E1", Source = "pix", Reference = txid, Amount = 119.90m, PaidAt = h.Time.GetUtcNow() };

        var outcome = await notifier.HandleAsync(payment);
        Assert.Equal(Cobranca.Connectors.Workflows.UnblockStatus.Restored, outcome.Status);
        Assert.Contains("Serviço restabelecido", RecordingChannel.Visible(h.Channel.To(AnaWaId)[^1]), StringComparison.Ordinal);
        var count = h.Channel.To(AnaWaId).Count;
        Assert.True((await notifier.HandleAsync(payment)).IsDuplicate);
        Assert.Equal(count, h.Channel.To(AnaWaId).Count);
    }
}
