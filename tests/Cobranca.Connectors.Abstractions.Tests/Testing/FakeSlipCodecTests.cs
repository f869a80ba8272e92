using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Boleto;
using Cobranca.Connectors.Pix;
using Cobranca.Connectors.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Cobranca.Connectors.Abstractions.Tests.Testing;

/// <summary>The fake's second copies must be accepted by the SDK's own boleto and BR Code codecs.</summary>
public class FakeSlipCodecTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public async Task Every_open_invoice_slip_parses_with_the_boleto_and_pix_codecs()
    {
        var data = IspDataGenerator.Generate(new IspDataGeneratorOptions { Seed = 11, CustomerCount = 120, Today = Today });
        var billing = new FakeBillingSystem(data, new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero)));
        var open = await billing.ListOpenInvoicesAsync(InvoiceQuery.All).ToListAsync();
        Assert.NotEmpty(open);

        foreach (var invoice in open)
        {
            var slip = await billing.GetPaymentSlipAsync(invoice.Id);

            var boleto = BoletoCode.Parse(slip.DigitableLine!, Today);
            Assert.Equal(BoletoKind.Bank, boleto.Kind);
            Assert.Equal(slip.Barcode, boleto.Barcode);
            Assert.Equal("001", boleto.BankCode);
            Assert.Equal(invoice.DueDate, boleto.DueDate);
            Assert.Equal(invoice.OpenAmount, boleto.Amount);
            Assert.Equal(boleto.Barcode, BoletoCode.Parse(slip.Barcode!, Today).Barcode);

            var pix = BrCode.Parse(slip.PixCopyPaste!);
            Assert.Equal(invoice.OpenAmount, pix.Amount);
            Assert.Equal(billing.PixKey, pix.PixKey);
            Assert.Equal(billing.MerchantName, pix.MerchantName);
            Assert.Equal(billing.MerchantCity, pix.MerchantCity);
            Assert.False(pix.IsDynamic);
            Assert.Matches("^[A-Za-z0-9]{1,25}$", pix.TxId!);
            Assert.Empty(pix.Warnings);
        }
    }

    [Fact]
    public void Generated_invoice_codes_parse_too()
    {
        var data = IspDataGenerator.Generate(new IspDataGeneratorOptions { Seed = 12, CustomerCount = 60, Today = Today });
        var withCodes = data.Invoices.Where(i => i.Raw.ContainsKey(IspDataKeys.DigitableLine)).ToList();
        Assert.NotEmpty(withCodes);
        foreach (var invoice in withCodes)
        {
            var boleto = BoletoCode.Parse(invoice.Raw[IspDataKeys.DigitableLine]!, Today);
            Assert.Equal(invoice.Raw[IspDataKeys.Barcode], boleto.Barcode);
            Assert.Equal(invoice.DueDate, boleto.DueDate);
            Assert.Equal(invoice.OpenAmount, boleto.Amount);
        }
    }
}
