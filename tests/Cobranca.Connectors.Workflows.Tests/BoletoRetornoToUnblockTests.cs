using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Boleto.Cnab;

namespace Cobranca.Connectors.Workflows.Tests;

/// <summary>A boleto liquidation read from a CNAB retorno file restores the customer through PaymentToUnblock, like a Pix payment.</summary>
public sealed class BoletoRetornoToUnblockTests
{
    private static readonly DateTime Now = new(2026, 3, 10, 10, 0, 0);

    private static byte[] Retorno(string ourReference, decimal paid, string movement = "06") => CnabRetornoWriter.WriteBytes(new CnabRetornoFile
    {
        Layout = CnabLayout.Cnab240,
        BankCode = "756",
        GeneratedOn = new DateOnly(2026, 3, 10),
        FileSequence = 7,
        Movements =
        [
            new CnabMovement
            {
                MovementCode = movement,
                Kind = movement == "06" ? CnabMovementKind.Paid : CnabMovementKind.EntryConfirmed,
                NossoNumero = "0000000000000083010",
                OurReference = ourReference,
                FaceValue = 99.90m,
                AmountPaid = paid,
                NetCredited = paid - 1.70m,
                Fee = 1.70m,
                OccurrenceDate = new DateOnly(2026, 3, 9),
                CreditDate = new DateOnly(2026, 3, 10),
            },
        ],
    });

    [Fact]
    public async Task A_liquidation_in_a_retorno_file_restores_the_customer_once_even_when_the_file_is_re_sent()
    {
        var isp = new Isp(Now);
        isp.AddCustomer("1", AccessState.Blocked);
        var invoice = isp.AddInvoice("100", "1", new DateOnly(2026, 2, 10));
        isp.Billing.RecordPayment(invoice.Id, invoice.OpenAmount, isp.Time.GetUtcNow()); // the ERP settled the title too
        var workflow = new PaymentToUnblock(isp.Billing, [isp.Erp, isp.Router], new PaymentToUnblockOptions
        {
            TimeProvider = isp.Time,
            TargetResolver = new DictionaryResolver(new Dictionary<string, PaymentTarget> { ["FAT-100"] = new("100", "1") }),
        });
        var bytes = Retorno("FAT-100", 99.90m);

        var outcomes = new List<UnblockOutcome>();
        for (var delivery = 0; delivery < 2; delivery++)   // banks re-send files: the same payment id dedupes
        {
            foreach (var payment in CnabRetornoParser.Parse(bytes).ToPaymentsReceived())
            {
                outcomes.Add(await workflow.ProcessAsync(payment));
            }
        }

        Assert.Equal(2, outcomes.Count);
        Assert.Equal(UnblockStatus.Restored, outcomes[0].Status);
        Assert.False(outcomes[0].IsDuplicate);
        Assert.True(outcomes[1].IsDuplicate);
        Assert.Equal(AccessStatus.Active, isp.ErpStatus("1"));
        Assert.Single(isp.Erp.Changes, c => c.Kind == AccessCommandKind.Unblock);
        var ledger = await workflow.Ledger.GetAsync("boleto:756:83010:20260309");
        Assert.NotNull(ledger);
        Assert.Equal(99.90m, ledger.Payment.Amount);
    }

    [Fact]
    public void An_entry_confirmation_in_a_retorno_file_is_no_payment()
    {
        var isp = new Isp(Now);
        isp.AddCustomer("1", AccessState.Blocked);
        isp.AddInvoice("100", "1", new DateOnly(2026, 2, 10));

        var payments = CnabRetornoParser.Parse(Retorno("FAT-100", 99.90m, movement: "02")).ToPaymentsReceived();

        Assert.Empty(payments);
        Assert.Equal(AccessStatus.Blocked, isp.ErpStatus("1"));
    }
}
