using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Abstractions.Tests;

public class ModelTests
{
    [Fact]
    public void CustomerLookup_parses_documents_and_never_prints_them_whole()
    {
        var lookup = CustomerLookup.ByDocument("529.982.247-25");
        Assert.Equal(CustomerLookupKind.Document, lookup.Kind);
        Assert.Equal("52998224725", lookup.Document!.Value.Value);
        Assert.Equal("document ***.982.247-**", lookup.ToString());
        Assert.Throws<FormatException>(() => CustomerLookup.ByDocument("123"));

        var phone = CustomerLookup.ByPhone(PhoneNumber.Parse("(79) 99876-5432"));
        Assert.Equal("phone (79) *****-5432", phone.ToString());

        Assert.Equal("42", CustomerLookup.ById(" 42 ").Value);
        Assert.Equal("login joao", CustomerLookup.ByLogin("joao").ToString());
        Assert.Throws<ArgumentException>(() => CustomerLookup.ById(" "));
        Assert.Throws<ArgumentException>(() => CustomerLookup.ByLogin(""));
        // An empty criterion would make some ERPs match every customer.
        Assert.Throws<ArgumentException>(() => CustomerLookup.ByDocument(default(Document)));
        Assert.Throws<ArgumentException>(() => CustomerLookup.ByPhone(default));
    }

    [Fact]
    public void Customer_ToString_masks_the_document()
    {
        var customer = new Customer { Id = "1", Name = "Maria", Document = Document.Parse("52998224725") };
        Assert.Equal("Customer 1 (***.982.247-**)", customer.ToString());
        Assert.Equal("Customer 2 (no document)", new Customer { Id = "2", Name = "X" }.ToString());
        Assert.Empty(customer.Raw);
        Assert.Empty(customer.Phones);
    }

    [Fact]
    public void Contract_to_subscriber_carries_ids_and_login()
    {
        var subscriber = new Contract { Id = "5001", CustomerId = "1001", Login = "joao", Access = AccessState.Active }.ToSubscriber();
        Assert.Equal("5001", subscriber.ContractId);
        Assert.Equal("1001", subscriber.CustomerId);
        Assert.Equal("joao", subscriber.Login);
        Assert.Equal("contract 5001, login joao", subscriber.ToString());
        Assert.Equal("subscriber (empty)", new Subscriber().ToString());
    }

    [Fact]
    public void AccessCommand_factories_fill_what_each_kind_needs()
    {
        var s = Subscriber.ForLogin("a");
        var block = AccessCommand.ToBlock(s);
        Assert.Equal(AccessCommandKind.Block, block.Kind);
        Assert.Same(BlockRequest.Overdue, block.Block);
        Assert.Equal(BlockReason.Manual, AccessCommand.ToBlock(s, new BlockRequest(BlockReason.Manual)).Block!.Reason);
        Assert.Equal(Bandwidth.FromMegabits(1), AccessCommand.ToThrottle(s, Bandwidth.FromMegabits(1)).Limit);
        Assert.Null(AccessCommand.ToUnblock(s).Limit);
        Assert.Throws<ArgumentNullException>(() => AccessCommand.ToUnblock(null!));
    }

    [Fact]
    public void BatchResult_counts_outcomes_and_items_redact_errors()
    {
        var s = Subscriber.ForLogin("a");
        var result = new BatchResult(
        [
            new BatchItemResult(0, AccessCommand.ToBlock(s), BatchItemOutcome.Applied),
            new BatchItemResult(1, AccessCommand.ToBlock(s), BatchItemOutcome.AlreadyInState),
            new BatchItemResult(2, AccessCommand.ToBlock(s), BatchItemOutcome.Failed, "cliente 529.982.247-25 token=abc"),
            new BatchItemResult(3, AccessCommand.ToBlock(s), BatchItemOutcome.NotAttempted),
        ]);
        Assert.Equal(1, result.Count(BatchItemOutcome.Applied));
        Assert.Equal(1, result.Count(BatchItemOutcome.Failed));
        Assert.False(result.AllSucceeded);
        Assert.True(result.Items[1].Succeeded);
        Assert.False(result.Items[3].Succeeded);
        Assert.Equal("cliente *** token=***", result.Items[2].Error);
        Assert.Equal("x ***", (result.Items[2] with { Error = "x 52998224725" }).Error);
        Assert.Equal("4 items: 1 applied, 1 already in state, 1 failed, 0 unconfirmed, 1 not attempted", result.ToString());
        Assert.True(new BatchResult([]).AllSucceeded);
    }

    [Fact]
    public void TrustUnlockResult_success_is_granted_or_already_active()
    {
        var until = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.FromHours(-3));
        Assert.True(TrustUnlockResult.Granted(until).IsSuccess);
        Assert.Equal(until, TrustUnlockResult.Granted(until).Until);
        Assert.True(TrustUnlockResult.AlreadyActive("107").IsSuccess);
        Assert.Equal("107", TrustUnlockResult.AlreadyActive("107").ProviderCode);
        Assert.False(TrustUnlockResult.NotEligible("used", "113").IsSuccess);
        Assert.Equal(TrustUnlockOutcome.LimitReached, TrustUnlockResult.LimitReached("max").Outcome);
    }

    [Fact]
    public void Capability_checks_require_every_flag()
    {
        var info = new BillingSystemInfo("x", BillingCapabilities.FindByDocument | BillingCapabilities.DebtStatus);
        Assert.True(info.Supports(BillingCapabilities.FindByDocument));
        Assert.False(info.Supports(BillingCapabilities.FindByDocument | BillingCapabilities.TrustUnlock));
        var access = new AccessControllerInfo("y", AccessCapabilities.Block);
        Assert.False(access.Supports(AccessCapabilities.Block | AccessCapabilities.Unblock));
    }

    [Fact]
    public void PaymentReceived_prints_no_payer_data()
    {
        var payment = new PaymentReceived
        {
            PaymentId = "E123", Source = "pix", Amount = 99.9m, PaidAt = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero),
            PayerMasked = "***.982.247-**",
        };
        var text = payment.ToString();
        Assert.Contains("E123", text, StringComparison.Ordinal);
        Assert.Contains("99,90", text, StringComparison.Ordinal);
        Assert.DoesNotContain("982", text, StringComparison.Ordinal);
    }
}
