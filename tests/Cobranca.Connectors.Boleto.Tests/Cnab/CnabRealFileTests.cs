using Cobranca.Connectors.Boleto.Cnab;

namespace Cobranca.Connectors.Boleto.Tests.Cnab;

/// <summary>The real public retorno files: positions and values asserted (values as the reference note decodes them).</summary>
public class CnabRealFileTests
{
    [Fact]
    public void Banco_do_brasil_cnab240_segment_t_and_u_of_a_liquidation_after_write_off()
    {
        var file = CnabRetornoParser.Parse(CnabFixtures.Bytes(CnabFixtures.Bb240));

        Assert.Equal(CnabLayout.Cnab240, file.Layout);
        Assert.Equal("001", file.BankCode);
        Assert.Equal("BANCO DO BRASIL", file.BankName);
        Assert.Equal(new DateOnly(2011, 12, 29), file.GeneratedOn);
        Assert.Equal(2108, file.FileSequence);
        Assert.Empty(file.Warnings);
        Assert.Equal(35, file.Movements.Count);
        Assert.All(file.Movements, m => Assert.Equal("17", m.MovementCode));
        Assert.All(file.Movements, m => Assert.Equal(CnabMovementKind.PaidAfterWriteOff, m.Kind));

        var first = file.Movements[0];
        Assert.Equal(3, first.LineNumber);
        Assert.Equal("14499570000020673", first.NossoNumero);   // T 38–57
        Assert.Null(first.DocumentNumber);                       // T 59–73 blank
        Assert.Null(first.DueDate);                              // T 74–81 zeros
        Assert.Equal(344.00m, first.FaceValue);                  // T 82–96
        Assert.Null(first.OurReference);                         // T 106–130 blank
        Assert.Equal(1.03m, first.Fee);                          // T 199–213
        Assert.Equal(["03"], first.Reasons);                     // T 214–223
        Assert.Equal(0.09m, first.InterestAndFine);              // U 18–32
        Assert.Equal(0.01m, first.Discount);                     // U 33–47
        Assert.Equal(0.02m, first.Rebate);                       // U 48–62
        Assert.Equal(344.00m, first.AmountPaid);                 // U 78–92
        Assert.Equal(342.97m, first.NetCredited);                // U 93–107
        Assert.Equal(new DateOnly(2011, 12, 29), first.OccurrenceDate); // U 138–145
        Assert.Equal(new DateOnly(2012, 1, 2), first.CreditDate);       // U 146–153
    }

    [Fact]
    public void Sicoob_cnab240_liquidation_as_the_brcobranca_spec_asserts_it()
    {
        var file = CnabRetornoParser.Parse(CnabFixtures.Bytes(CnabFixtures.Sicoob240));

        Assert.Equal("756", file.BankCode);
        // This fixture's file header is squeezed (116 characters): the retorno flag at 143 is absent, read with a warning.
        Assert.Single(file.Warnings);
        Assert.Null(file.GeneratedOn);
        Assert.Equal(3, file.Movements.Count);
        var first = file.Movements[0];
        Assert.Equal("06", first.MovementCode);
        Assert.Equal(CnabMovementKind.Paid, first.Kind);
        Assert.Equal("000000008301011", first.NossoNumero);
        Assert.Equal("000000000000001", first.DocumentNumber);
        Assert.Equal(new DateOnly(2015, 8, 13), first.DueDate);
        Assert.Equal(2.00m, first.FaceValue);
        Assert.Equal(1.70m, first.Fee);
        Assert.Equal(2.00m, first.AmountPaid);
        Assert.Equal(2.00m, first.NetCredited);
        Assert.Equal(new DateOnly(2015, 8, 10), first.OccurrenceDate);
        Assert.Equal(new DateOnly(2015, 8, 10), first.CreditDate);
        Assert.Equal(3, file.Payments.Count());
    }

    [Fact]
    public void Itau_cnab400_liquidation_reports_the_credited_amount_and_the_fee()
    {
        var file = CnabRetornoParser.Parse(CnabFixtures.Bytes(CnabFixtures.Itau400));

        Assert.Equal(CnabLayout.Cnab400, file.Layout);
        Assert.Equal("341", file.BankCode);
        Assert.Equal("BANCO ITAU S.A.", file.BankName);
        Assert.Equal(new DateOnly(2013, 5, 20), file.GeneratedOn);
        Assert.Equal(52, file.Movements.Count);
        Assert.Equal(51, file.Movements.Count(m => m.MovementCode == "06"));
        Assert.Single(file.Movements, m => m.MovementCode == "09" && m.Kind == CnabMovementKind.WrittenOff);

        var first = file.Movements[0];
        Assert.Equal(2, first.LineNumber);                       // sequence 000002
        Assert.Equal("00000011", first.NossoNumero);             // 86–93
        Assert.Equal(CnabMovementKind.Paid, first.Kind);         // 109–110 = 06
        Assert.Equal(new DateOnly(2013, 5, 20), first.OccurrenceDate); // 111–116
        Assert.Null(first.DueDate);                              // 147–152 zeros
        Assert.Equal(40.00m, first.FaceValue);                   // 153–165
        Assert.Equal(2.10m, first.Fee);                          // 176–188
        Assert.Equal(37.90m, first.NetCredited);                 // 254–266 "valor principal" = credited
        Assert.Equal(40.00m, first.AmountPaid);                  // credited + fee
        Assert.Equal(new DateOnly(2013, 5, 21), first.CreditDate); // 296–301
    }

    [Fact]
    public void Bradesco_cnab400_entries_and_a_write_off_are_not_payments_even_with_an_amount_in_valor_pago()
    {
        var file = CnabRetornoParser.Parse(CnabFixtures.Bytes(CnabFixtures.Bradesco400));

        Assert.Equal("237", file.BankCode);
        Assert.Equal(6, file.Movements.Count);
        Assert.Equal(5, file.Movements.Count(m => m.Kind == CnabMovementKind.EntryConfirmed));
        Assert.Single(file.Movements, m => m.MovementCode == "10" && m.Kind == CnabMovementKind.WrittenOff);
        Assert.Empty(file.Payments);
        Assert.Empty(file.ToPaymentsReceived());

        var first = file.Movements[0];
        Assert.Equal("000000000303", first.NossoNumero);         // 71–82
        Assert.Equal("02", first.MovementCode);
        Assert.Equal(new DateOnly(2015, 5, 15), first.OccurrenceDate);
        Assert.Equal("0030", first.DocumentNumber);              // 117–126
        Assert.Equal(new DateOnly(2015, 5, 25), first.DueDate);
        Assert.Equal(1450.00m, first.FaceValue);
        Assert.Equal(1.60m, first.Fee);
        Assert.Equal(1450.00m, first.AmountPaid);                // 254–266 carries a value on an 02: still no payment
        Assert.False(first.IsPayment);
    }

    [Fact]
    public void Banco_do_brasil_cbr643_detail_type_7_liquidations()
    {
        var file = CnabRetornoParser.Parse(CnabFixtures.Bytes(CnabFixtures.BbCbr643));

        Assert.Equal("001", file.BankCode);
        Assert.Equal(26, file.Movements.Count);
        Assert.All(file.Movements, m => Assert.Equal(CnabMovementKind.Paid, m.Kind));
        var first = file.Movements[0];
        Assert.Equal("16224200000000003", first.NossoNumero);    // 64–80
        Assert.Equal(new DateOnly(2009, 1, 20), first.OccurrenceDate); // 111–116 DDMMAA 200109
        Assert.Equal(new DateOnly(2009, 1, 22), first.CreditDate); // 176–181
        Assert.Equal(90.64m, first.AmountPaid);                  // 254–266
    }

    [Fact]
    public void Liquidations_map_to_payment_received_with_a_stable_id()
    {
        var file = CnabRetornoParser.Parse(CnabFixtures.Bytes(CnabFixtures.Sicoob240));

        var payments = file.ToPaymentsReceived();

        Assert.Equal(3, payments.Count);
        var p = payments[0];
        Assert.Equal("boleto:756:8301011:20150810", p.PaymentId);
        Assert.Equal("boleto", p.Source);
        Assert.Equal("000000000000001", p.Reference);            // no "uso da empresa": the document number
        Assert.Equal(2.00m, p.Amount);
        Assert.Equal(new DateTimeOffset(2015, 8, 10, 0, 0, 0, TimeSpan.FromHours(-3)), p.PaidAt);
        Assert.Equal(payments.Count, payments.Select(x => x.PaymentId).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(CnabFixtures.Names), MemberType = typeof(CnabFixtures))]
    public void Encoding_and_line_endings_do_not_change_the_result(string name)
    {
        var original = CnabRetornoParser.Parse(CnabFixtures.Bytes(name));
        var text = CnabFixtures.Text(name).Replace("\r\n", "\n", StringComparison.Ordinal);
        var variants = new[]
        {
            System.Text.Encoding.UTF8.GetBytes(text),
            System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal))).ToArray(),
            System.Text.Encoding.Latin1.GetBytes(text.TrimEnd('\n') + "\r\n\u001A"),
            System.Text.Encoding.Latin1.GetBytes(text + "\n\n"),
        };
        foreach (var bytes in variants)
        {
            var parsed = CnabRetornoParser.Parse(bytes);
            Assert.Equal(original.Movements.Count, parsed.Movements.Count);
            Assert.Equal(original.Movements.Select(m => m.ToString()), parsed.Movements.Select(m => m.ToString()));
        }
    }
}
