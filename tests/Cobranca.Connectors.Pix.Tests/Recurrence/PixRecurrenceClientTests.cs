using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Pix.Tests.Recurrence;

public sealed class PixRecurrenceClientTests
{
    [Fact]
    public async Task Journey_2_location_rec_QR_approval_and_list()
    {
        await using var kit = await RecurrenceKit.StartAsync();
        var loc = await kit.Client.CreateRecurrenceLocationAsync();
        Assert.True(loc.Id > 0);
        Assert.Contains("/qr/v2/rec/", loc.Location, StringComparison.Ordinal);

        var rec = await kit.Client.CreateRecurrenceAsync(kit.Rec(location: loc.Id));
        Assert.Equal(PixRecurrenceStatus.Created, rec.Status);
        Assert.Equal("CRIADA", rec.StatusCode);
        Assert.Matches("^RR[a-zA-Z0-9]{27}$", rec.Id);
        Assert.Equal(loc.Id, rec.LocationId);
        Assert.Equal(PixRecurrencePeriodicity.Monthly, rec.Periodicity);
        Assert.Equal(50m, rec.MinimumAmount);
        Assert.Equal(PixJourney.AwaitingDefinition, rec.Journey);
        Assert.Equal(rec.Id, (await kit.Client.GetRecurrenceLocationAsync(loc.Id)).RecurrenceId);

        var withQr = await kit.Client.GetRecurrenceAsync(rec.Id);
        Assert.Equal(PixJourney.Journey2, withQr.QrJourney);
        var code = BrCode.Parse(withQr.QrCode!);
        Assert.Equal(loc.Location, code.RecurrenceUrl);
        Assert.Null(code.Url);
        Assert.Null(code.Amount);

        Assert.Equal(200, await kit.Sandbox.ApproveRecurrenceAsync(rec.Id) ?? 200);
        var approved = await kit.Client.GetRecurrenceAsync(rec.Id);
        Assert.True(approved.IsApproved);
        Assert.Equal(PixJourney.Journey2, approved.Journey);

        var window = new PixRecurrenceQuery { From = kit.Time.GetUtcNow().AddDays(-1), To = kit.Time.GetUtcNow().AddDays(1), PageSize = 1 };
        await kit.Client.CreateRecurrenceAsync(kit.Rec(cpf: "11144477735"));
        var page = await kit.Client.ListRecurrencesPageAsync(window);
        Assert.Equal(2, page.TotalItems);
        Assert.True(page.HasNextPage);
        var all = new List<PixRecurrence>();
        await foreach (var r in kit.Client.ListRecurrencesAsync(window)) all.Add(r);
        Assert.Equal(2, all.Count);
        var approvedOnly = await kit.Client.ListRecurrencesPageAsync(new PixRecurrenceQuery
        {
            From = window.From, To = window.To, Status = PixRecurrenceStatus.Approved, Debtor = Document.Parse(RecurrenceKit.Cpf),
        });
        Assert.Equal(rec.Id, Assert.Single(approvedOnly.Items).Id);
    }

    [Fact]
    public async Task Journey_3_and_4_give_composite_codes_for_the_cob_and_cobv()
    {
        await using var kit = await RecurrenceKit.StartAsync();
        var cob = await kit.Client.CreateChargeAsync(PixTxid.ForInvoice("J3", "INV1"), TestKit.Cob(kit.Sandbox));
        var loc = await kit.Client.CreateRecurrenceLocationAsync();
        var rec = await kit.Client.CreateRecurrenceAsync(kit.Rec(location: loc.Id, journeyTxid: cob.Txid));
        Assert.Equal(cob.Txid, rec.JourneyTxid);
        var j3 = await kit.Client.GetRecurrenceAsync(rec.Id, cob.Txid);
        Assert.Equal(PixJourney.Journey3, j3.QrJourney);
        var code = BrCode.Parse(j3.QrCode!);
        Assert.True(code.IsSingleUse);
        Assert.Equal(cob.Location, code.Url);
        Assert.Equal(loc.Location, code.RecurrenceUrl);

        // Approving journey 3 pays the immediate charge too.
        await kit.Sandbox.ApproveRecurrenceAsync(rec.Id);
        Assert.Equal("CONCLUIDA", kit.Sandbox.GetChargeStatus(cob.Txid));
        Assert.Equal(PixJourney.Journey3, (await kit.Client.GetRecurrenceAsync(rec.Id)).Journey);

        var cobv = await kit.Client.CreateDueChargeAsync(PixTxid.ForInvoice("J4", "INV2"), new PixDueChargeRequest
        {
            Key = kit.Sandbox.Key, Amount = 99.90m, DueDate = kit.Today.AddDays(5), Debtor = TestKit.Debtor(),
        });
        var loc4 = await kit.Client.CreateRecurrenceLocationAsync();
        var rec4 = await kit.Client.CreateRecurrenceAsync(kit.Rec(cpf: "11144477735", location: loc4.Id));
        var j4 = await kit.Client.GetRecurrenceAsync(rec4.Id, cobv.Txid);
        Assert.Equal(PixJourney.Journey4, j4.QrJourney);
        var code4 = BrCode.Parse(j4.QrCode!);
        Assert.True(code4.IsDueDateCharge);
        Assert.Equal(loc4.Location, code4.RecurrenceUrl);

        // A cob txid that is not the rec's journey-3 txid is a RecConsultaInvalida.
        var other = await kit.Client.CreateChargeAsync(PixTxid.ForInvoice("J3", "INV3"), TestKit.Cob(kit.Sandbox));
        var ex = await Assert.ThrowsAsync<ConnectorValidationException>(() => kit.Client.GetRecurrenceAsync(rec4.Id, other.Txid));
        Assert.Equal("RecConsultaInvalida", ex.ProviderErrorCode);
    }

    [Fact]
    public async Task Rec_validation_patch_and_cancel()
    {
        await using var kit = await RecurrenceKit.StartAsync();
        Assert.Throws<ArgumentException>(() => kit.Client.CreateRecurrenceAsync(new PixRecurrenceRequest
        {
            Contract = "C", Debtor = Document.Parse(RecurrenceKit.Cpf), DebtorName = "F", StartDate = kit.Today, FixedAmount = 10m, MinimumAmount = 5m,
        }).GetAwaiter().GetResult());
        var past = await Assert.ThrowsAsync<ConnectorValidationException>(() => kit.Client.CreateRecurrenceAsync(new PixRecurrenceRequest
        {
            Contract = "C", Debtor = Document.Parse(RecurrenceKit.Cpf), DebtorName = "F", StartDate = kit.Today.AddDays(-1),
        }));
        Assert.Equal("RecOperacaoInvalida", past.ProviderErrorCode);
        Assert.Contains(past.Violations, v => v.Field == "rec.calendario.dataInicial");
        var usedLoc = await kit.Client.CreateRecurrenceLocationAsync();
        await kit.Client.CreateRecurrenceAsync(kit.Rec(location: usedLoc.Id));
        var used = await Assert.ThrowsAsync<ConnectorValidationException>(() => kit.Client.CreateRecurrenceAsync(kit.Rec(location: usedLoc.Id)));
        Assert.Contains(used.Violations, v => v.Field == "rec.loc");

        var rec = await kit.Client.CreateRecurrenceAsync(kit.Rec(cpf: "11144477735"));
        var loc = await kit.Client.CreateRecurrenceLocationAsync();
        var patched = await kit.Client.UpdateRecurrenceAsync(rec.Id, new PixRecurrenceUpdate { LocationId = loc.Id, DebtorName = "Beltrano", StartDate = kit.Today.AddDays(20) });
        Assert.Equal(loc.Id, patched.LocationId);
        Assert.Equal("Beltrano", patched.DebtorName);
        Assert.Equal(kit.Today.AddDays(20), patched.StartDate);
        var unlinked = await kit.Client.UnlinkRecurrenceLocationAsync(loc.Id);
        Assert.Null(unlinked.RecurrenceId);

        var cancelled = await kit.Client.CancelRecurrenceAsync(rec.Id);
        Assert.Equal(PixRecurrenceStatus.Cancelled, cancelled.Status);
        Assert.Equal("USUARIO_RECEBEDOR", cancelled.CancelledBy);
        Assert.Equal("SLCR", cancelled.EndCode);
        Assert.True(cancelled.IsFinished);
        var again = await Assert.ThrowsAsync<ConnectorValidationException>(() => kit.Client.CancelRecurrenceAsync(rec.Id));
        Assert.Equal("RecOperacaoInvalida", again.ProviderErrorCode);
        await Assert.ThrowsAsync<ConnectorNotFoundException>(() => kit.Client.GetRecurrenceAsync("RR1234567820240115abcdefghijk"));

        // The payer refuses; the payer cancels an approved one.
        var refused = await kit.Client.CreateRecurrenceAsync(kit.Rec(cpf: "39053344705"));
        await kit.Sandbox.RejectRecurrenceAsync(refused.Id);
        var r = await kit.Client.GetRecurrenceAsync(refused.Id);
        Assert.Equal(PixRecurrenceStatus.Rejected, r.Status);
        Assert.Equal("AP13", r.EndCode);
        var approved = await kit.ApprovedAsync(cpf: "71428793860");
        await kit.Sandbox.CancelRecurrenceByPayerAsync(approved.Id);
        var byPayer = await kit.Client.GetRecurrenceAsync(approved.Id);
        Assert.Equal(PixRecurrenceStatus.Cancelled, byPayer.Status);
        Assert.Equal("USUARIO_PAGADOR", byPayer.CancelledBy);
    }

    [Fact]
    public async Task Journey_1_confirmation_request_accept_reject_and_cancel()
    {
        await using var kit = await RecurrenceKit.StartAsync();
        var rec = await kit.Client.CreateRecurrenceAsync(kit.Rec());
        var request = new PixRecurrenceConfirmationRequest
        {
            RecurrenceId = rec.Id, Payer = Document.Parse(RecurrenceKit.Cpf), Account = "550689", Ispb = "91193552", Branch = "2569",
            ExpiresAt = kit.Time.GetUtcNow().AddDays(7),
        };
        var solic = await kit.Client.RequestRecurrenceConfirmationAsync(request);
        Assert.Equal(PixRecurrenceConfirmationStatus.Sent, solic.Status);
        Assert.StartsWith("SC91193552".Substring(0, 2), solic.Id, StringComparison.Ordinal);
        var dup = await Assert.ThrowsAsync<ConnectorValidationException>(() => kit.Client.RequestRecurrenceConfirmationAsync(request));
        Assert.Equal("SolicRecOperacaoInvalida", dup.ProviderErrorCode);
        Assert.Throws<ArgumentException>(() => kit.Client.RequestRecurrenceConfirmationAsync(new PixRecurrenceConfirmationRequest
        {
            RecurrenceId = rec.Id, Payer = Document.Parse(RecurrenceKit.Cpf), Account = "1", Ispb = "123",
        }).GetAwaiter().GetResult());

        var cancelled = await kit.Client.CancelRecurrenceConfirmationAsync(solic.Id);
        Assert.Equal(PixRecurrenceConfirmationStatus.Cancelled, cancelled.Status);
        await Assert.ThrowsAsync<ConnectorValidationException>(() => kit.Client.CancelRecurrenceConfirmationAsync(solic.Id));

        var second = await kit.Client.RequestRecurrenceConfirmationAsync(request);
        await kit.Sandbox.AnswerRecurrenceConfirmationAsync(second.Id, accept: true);
        Assert.Equal(PixRecurrenceConfirmationStatus.Accepted, (await kit.Client.GetRecurrenceConfirmationAsync(second.Id)).Status);
        var approved = await kit.Client.GetRecurrenceAsync(rec.Id);
        Assert.Equal(PixRecurrenceStatus.Approved, approved.Status);
        Assert.Equal(PixJourney.Journey1, approved.Journey);
        Assert.Equal("91193552", approved.PayerIspb);

        var rec2 = await kit.Client.CreateRecurrenceAsync(kit.Rec(cpf: "11144477735"));
        var third = await kit.Client.RequestRecurrenceConfirmationAsync(new PixRecurrenceConfirmationRequest
        {
            RecurrenceId = rec2.Id, Payer = Document.Parse("11144477735"), Account = "1", Ispb = "91193552",
        });
        await kit.Sandbox.AnswerRecurrenceConfirmationAsync(third.Id, accept: false);
        Assert.Equal(PixRecurrenceConfirmationStatus.Rejected, (await kit.Client.GetRecurrenceConfirmationAsync(third.Id)).Status);
        Assert.Equal(PixRecurrenceStatus.Rejected, (await kit.Client.GetRecurrenceAsync(rec2.Id)).Status);
        await Assert.ThrowsAsync<ConnectorNotFoundException>(() => kit.Client.GetRecurrenceConfirmationAsync("SC0000000020261201abcdefghijk"));
    }

    [Fact]
    public async Task Cobr_is_scheduled_and_paid_on_the_due_date()
    {
        await using var kit = await RecurrenceKit.StartAsync();
        var rec = await kit.ApprovedAsync();
        var txid = PixTxid.ForInvoice("PA", "FAT1");
        var created = await kit.Client.CreateRecurringChargeAsync(txid, kit.Cobr(rec.Id));
        Assert.Equal(PixRecurringChargeStatus.Created, created.Status);
        Assert.Equal(PixRetryPolicy.ThreeRetriesInSevenDays, created.RetryPolicy);
        // The idempotent path: the same PUT again returns the same charge.
        var again = await kit.Client.CreateRecurringChargeAsync(txid, kit.Cobr(rec.Id));
        Assert.Equal(txid, again.Txid);
        Assert.Equal(1, kit.Sandbox.RecurringChargeCount);

        await kit.Sandbox.RunRecurrenceSchedulerAsync();
        var active = await kit.Client.GetRecurringChargeAsync(txid);
        Assert.Equal(PixRecurringChargeStatus.Active, active.Status);
        var attempt = Assert.Single(active.Attempts);
        Assert.Equal("AGND", attempt.Type);
        Assert.Equal(PixChargeAttemptStatus.Scheduled, attempt.Status);
        Assert.Equal(kit.Today.AddDays(5), attempt.SettlementDate);
        Assert.True(active.HasPendingAttempt);

        await kit.AdvanceToAsync(kit.Today.AddDays(5));
        var paid = await kit.Client.GetRecurringChargeAsync(txid);
        Assert.True(paid.IsPaid);
        Assert.Equal(PixChargeAttemptStatus.Paid, paid.Attempts[0].Status);
        var pix = Assert.Single(paid.Payments);
        Assert.Equal(99.90m, pix.Amount);
        Assert.Equal(txid, pix.Txid);
        Assert.Equal(pix.EndToEndId, (await kit.Client.GetPaymentAsync(pix.EndToEndId)).EndToEndId);

        var list = await kit.Client.ListRecurringChargesPageAsync(new PixRecurringChargeQuery
        {
            From = kit.Time.GetUtcNow().AddDays(-30), To = kit.Time.GetUtcNow(), RecurrenceId = rec.Id, Status = PixRecurringChargeStatus.Completed,
        });
        Assert.Equal(txid, Assert.Single(list.Items).Txid);
    }

    [Fact]
    public async Task Cobr_rules_window_cycle_state_and_post()
    {
        await using var kit = await RecurrenceKit.StartAsync();
        var created = await kit.Client.CreateRecurrenceAsync(kit.Rec());
        var notApproved = await Assert.ThrowsAsync<ConnectorValidationException>(() => kit.Client.CreateRecurringChargeAsync(PixTxid.ForInvoice("PA", "X0"), kit.Cobr(created.Id)));
        Assert.Equal("CobROperacaoInvalida", notApproved.ProviderErrorCode);
        var rec = await kit.ApprovedAsync(cpf: "11144477735");
        await Assert.ThrowsAsync<ConnectorValidationException>(() => kit.Client.CreateRecurringChargeAsync(PixTxid.ForInvoice("PA", "X1"), kit.Cobr(rec.Id, daysAhead: 1)));
        await Assert.ThrowsAsync<ConnectorValidationException>(() => kit.Client.CreateRecurringChargeAsync(PixTxid.ForInvoice("PA", "X2"), kit.Cobr(rec.Id, daysAhead: 11)));
        Assert.Throws<ArgumentException>(() => kit.Client.CreateRecurringChargeAsync("short", kit.Cobr(rec.Id)).GetAwaiter().GetResult());
        Assert.Throws<ArgumentException>(() => kit.Client.CreateRecurringChargeAsync(PixTxid.ForInvoice("PA", "X3"), kit.Cobr(rec.Id, amount: 1.001m)).GetAwaiter().GetResult());

        var posted = await kit.Client.CreateRecurringChargeAsync(kit.Cobr(rec.Id));
        Assert.Matches("^[a-z0-9]{32}$", posted.Txid);
        var sameCycle = await Assert.ThrowsAsync<ConnectorValidationException>(() => kit.Client.CreateRecurringChargeAsync(PixTxid.ForInvoice("PA", "X4"), kit.Cobr(rec.Id, daysAhead: 6)));
        Assert.Contains("mesmo ciclo", sameCycle.Message, StringComparison.Ordinal);

        // After a cancellation the cycle is free again.
        var cancelled = await kit.Client.CancelRecurringChargeAsync(posted.Txid);
        Assert.Equal(PixRecurringChargeStatus.Cancelled, cancelled.Status);
        Assert.Equal("SLCR", cancelled.EndCode);
        Assert.Equal("USUARIO_RECEBEDOR", cancelled.CancelledBy);
        var replacement = await kit.Client.CreateRecurringChargeAsync(PixTxid.ForInvoice("PA", "X5"), kit.Cobr(rec.Id, daysAhead: 6));
        Assert.Equal(PixRecurringChargeStatus.Created, replacement.Status);
        await Assert.ThrowsAsync<ConnectorNotFoundException>(() => kit.Client.GetRecurringChargeAsync(PixTxid.ForInvoice("PA", "NONE")));
    }

    [Fact]
    public async Task Cobr_cannot_be_cancelled_on_or_after_the_first_attempt_date()
    {
        await using var kit = await RecurrenceKit.StartAsync();
        var rec = await kit.ApprovedAsync();
        var txid = PixTxid.ForInvoice("PA", "LATE");
        await kit.Client.CreateRecurringChargeAsync(txid, kit.Cobr(rec.Id, daysAhead: 3));
        await kit.AdvanceToAsync(kit.Today.AddDays(3)); // the debit day: the attempt settles
        var ex = await Assert.ThrowsAsync<ConnectorValidationException>(() => kit.Client.CancelRecurringChargeAsync(txid));
        Assert.Equal("CobROperacaoInvalida", ex.ProviderErrorCode);
    }

    [Fact]
    public async Task Insufficient_funds_retries_on_request_then_expires()
    {
        await using var kit = await RecurrenceKit.StartAsync();
        var rec = await kit.ApprovedAsync(cpf: RecurrenceKit.PoorCpf);
        var txid = PixTxid.ForInvoice("PA", "POOR");
        var due = kit.Today.AddDays(3);
        await kit.Client.CreateRecurringChargeAsync(txid, kit.Cobr(rec.Id, daysAhead: 3));
        await kit.AdvanceToAsync(due);
        var failed = await kit.Client.GetRecurringChargeAsync(txid);
        Assert.Equal(PixRecurringChargeStatus.Active, failed.Status);
        Assert.Equal(PixChargeAttemptStatus.Expired, failed.Attempts[0].Status);
        Assert.False(failed.HasPendingAttempt);

        var pastRetry = await Assert.ThrowsAsync<ConnectorValidationException>(() => kit.Client.RequestRecurringChargeRetryAsync(txid, due));
        Assert.Equal("CobROperacaoInvalida", pastRetry.ProviderErrorCode);
        var tooLate = await Assert.ThrowsAsync<ConnectorValidationException>(() => kit.Client.RequestRecurringChargeRetryAsync(txid, due.AddDays(8)));
        Assert.Contains("7 dias", tooLate.Message, StringComparison.Ordinal);
        var retried = await kit.Client.RequestRecurringChargeRetryAsync(txid, due.AddDays(1));
        Assert.Equal(2, retried.Attempts.Count);
        Assert.Equal("NTAG", retried.Attempts[1].Type);
        Assert.Equal(PixChargeAttemptStatus.Scheduled, retried.Attempts[1].Status);
        var pending = await Assert.ThrowsAsync<ConnectorValidationException>(() => kit.Client.RequestRecurringChargeRetryAsync(txid, due.AddDays(2)));
        Assert.Contains("agendada", pending.Message, StringComparison.Ordinal);

        await kit.AdvanceToAsync(due.AddDays(1));
        await kit.Client.RequestRecurringChargeRetryAsync(txid, due.AddDays(3));
        await kit.AdvanceToAsync(due.AddDays(3));
        await kit.Client.RequestRecurringChargeRetryAsync(txid, due.AddDays(6));
        await kit.AdvanceToAsync(due.AddDays(6));
        var exhausted = await kit.Client.GetRecurringChargeAsync(txid);
        Assert.Equal(PixRecurringChargeStatus.Expired, exhausted.Status);
        Assert.Equal(4, exhausted.Attempts.Count);
        Assert.All(exhausted.Attempts, a => Assert.Equal(PixChargeAttemptStatus.Expired, a.Status));
        Assert.Empty(exhausted.Payments);
    }

    [Fact]
    public async Task No_retry_policy_expires_at_once_and_a_rejecting_payer_rejects()
    {
        await using var kit = await RecurrenceKit.StartAsync();
        var rec = await kit.ApprovedAsync(cpf: RecurrenceKit.PoorCpf, policy: PixRetryPolicy.NotAllowed);
        Assert.StartsWith("RN", rec.Id, StringComparison.Ordinal);
        var txid = PixTxid.ForInvoice("PA", "NORETRY");
        await kit.Client.CreateRecurringChargeAsync(txid, kit.Cobr(rec.Id, daysAhead: 3));
        await kit.AdvanceToAsync(kit.Today.AddDays(3));
        Assert.Equal(PixRecurringChargeStatus.Expired, (await kit.Client.GetRecurringChargeAsync(txid)).Status);
        var noRetry = await Assert.ThrowsAsync<ConnectorValidationException>(() => kit.Client.RequestRecurringChargeRetryAsync(txid, kit.Today.AddDays(1)));
        Assert.Contains("não permite retentativa", noRetry.Message, StringComparison.Ordinal);

        var rejecting = await kit.ApprovedAsync(cpf: RecurrenceKit.RejectedCpf);
        var rtx = PixTxid.ForInvoice("PA", "REJ");
        await kit.Client.CreateRecurringChargeAsync(rtx, kit.Cobr(rejecting.Id, daysAhead: 5));
        await kit.Sandbox.RunRecurrenceSchedulerAsync();
        var rejected = await kit.Client.GetRecurringChargeAsync(rtx);
        Assert.Equal(PixRecurringChargeStatus.Rejected, rejected.Status);
        Assert.Equal("AM09", rejected.EndCode);
        Assert.True(PixRejectionCodes.IsFinal(rejected.EndCode));
    }

    [Fact]
    public async Task Payer_cancels_a_scheduled_debit_until_the_day_before()
    {
        await using var kit = await RecurrenceKit.StartAsync();
        var rec = await kit.ApprovedAsync();
        var txid = PixTxid.ForInvoice("PA", "PAYERCANCEL");
        await kit.Client.CreateRecurringChargeAsync(txid, kit.Cobr(rec.Id, daysAhead: 4));
        await kit.Sandbox.RunRecurrenceSchedulerAsync();
        await kit.AdvanceToAsync(kit.Today.AddDays(3));
        await kit.Sandbox.CancelRecurringChargeByPayerAsync(txid);
        var c = await kit.Client.GetRecurringChargeAsync(txid);
        Assert.Equal(PixRecurringChargeStatus.Cancelled, c.Status);
        Assert.Equal("USUARIO_PAGADOR", c.CancelledBy);
        Assert.Equal(PixChargeAttemptStatus.Cancelled, c.Attempts[0].Status);

        var tx2 = PixTxid.ForInvoice("PA", "PAYERLATE");
        var rec2 = await kit.ApprovedAsync(cpf: "11144477735");
        await kit.Client.CreateRecurringChargeAsync(tx2, kit.Cobr(rec2.Id, daysAhead: 2));
        await kit.Sandbox.RunRecurrenceSchedulerAsync();
        await kit.AdvanceToAsync(kit.Today.AddDays(2));
        await Assert.ThrowsAsync<InvalidOperationException>(() => kit.Sandbox.CancelRecurringChargeByPayerAsync(tx2));
    }

    [Fact]
    public async Task Webhook_registrations_for_rec_and_cobr()
    {
        await using var kit = await RecurrenceKit.StartAsync();
        await Assert.ThrowsAsync<ConnectorNotFoundException>(() => kit.Client.GetRecurrenceWebhookAsync());
        await kit.Client.ConfigureRecurrenceWebhookAsync(new Uri("https://isp.example/hooks/"));
        await kit.Client.ConfigureRecurringChargeWebhookAsync(new Uri("https://isp.example/hooks2/"));
        Assert.Equal("https://isp.example/hooks/", (await kit.Client.GetRecurrenceWebhookAsync()).Url.AbsoluteUri);
        Assert.Equal("https://isp.example/hooks2/", (await kit.Client.GetRecurringChargeWebhookAsync()).Url.AbsoluteUri);
        await kit.Client.DeleteRecurrenceWebhookAsync();
        await kit.Client.DeleteRecurringChargeWebhookAsync();
        await Assert.ThrowsAsync<ConnectorNotFoundException>(() => kit.Client.GetRecurringChargeWebhookAsync());
        await Assert.ThrowsAsync<ConnectorValidationException>(() => kit.Client.ConfigureRecurrenceWebhookAsync(new Uri("http://isp.example/hooks/")));
    }

    [Fact]
    public async Task Only_the_client_txid_put_is_retried_and_posts_are_sent_once()
    {
        await using var kit = await RecurrenceKit.StartAsync();
        var rec = await kit.ApprovedAsync();
        // Retry delays run on the real clock here (the fake one would never release them).
        using var client = new PixClient(TestKit.Options(kit.Sandbox));
        kit.Sandbox.InjectFault(new Testing.Pix.PixSandboxFault { Kind = Testing.Pix.PixSandboxFaultKind.ServerError, StatusCode = 503, PathContains = "/cobr", Times = 1 });
        var txid = PixTxid.ForInvoice("PA", "RETRY");
        var put = await client.CreateRecurringChargeAsync(txid, kit.Cobr(rec.Id));
        Assert.Equal(txid, put.Txid);
        Assert.Equal(2, kit.Sandbox.Requests.Count(r => r.Method == "PUT" && r.Path.Contains(txid, StringComparison.Ordinal)));

        kit.Sandbox.ClearRequests();
        kit.Sandbox.InjectFault(new Testing.Pix.PixSandboxFault { Kind = Testing.Pix.PixSandboxFaultKind.ServerError, StatusCode = 503, PathContains = "/locrec", Times = 1 });
        await Assert.ThrowsAnyAsync<ConnectorException>(() => client.CreateRecurrenceLocationAsync());
        Assert.Equal(1, kit.Sandbox.Requests.Count(r => r.Method == "POST" && r.Path.EndsWith("/locrec", StringComparison.Ordinal)));
    }
}
