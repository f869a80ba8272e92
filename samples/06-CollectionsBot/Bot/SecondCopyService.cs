using System.Globalization;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Pix;

namespace CollectionsBot.Bot;

/// <summary>
/// The second copy of one invoice: the boleto from the ERP (PDF and linha digitável, when it has them) and a Pix charge
/// with due date at the PSP (txid derived from the invoice: asking twice reuses the charge), whose copia-e-cola goes
/// alone in its own message and whose QR code is drawn here as a PNG (never by a web service).
/// </summary>
public sealed class SecondCopyService(IBillingSystem billing, IPixClient pix, BotStores stores, BotOptions options)
{
    private static readonly CultureInfo PtBr = CultureInfo.GetCultureInfo("pt-BR");

    /// <summary>Builds the messages for an invoice of a verified customer, recording the charge for the payment path.</summary>
    public async Task<IReadOnlyList<BotMessage>> BuildAsync(Customer customer, Invoice invoice, string waId, DateOnly today, CancellationToken cancellationToken)
    {
        var txid = PixTxid.ForInvoice(options.TxidPrefix, invoice.Id);
        // Recorded before the charge exists: a payment can never arrive for a txid the bot cannot resolve.
        await stores.SaveChargeAsync(txid, new BotCharge(invoice.Id, customer.Id, waId), cancellationToken);
        var charge = await GetOrCreateChargeAsync(txid, customer, invoice, cancellationToken);

        PaymentSlip? slip = null;
        try
        {
            slip = await billing.GetPaymentSlipAsync(invoice.Id, cancellationToken);
        }
        catch (ConnectorException)
        {
            // No boleto for this invoice (not registered yet): Pix alone still works.
        }

        var messages = new List<BotMessage>
        {
            new BotText($"Fatura com vencimento em {invoice.DueDate.ToString("dd/MM/yyyy", PtBr)}: {Money.Format(invoice.OpenAmount)}."
                + (invoice.DueDate < today ? " Paga depois do vencimento, o banco acrescenta multa e juros." : "")),
        };
        if (slip?.PdfUrl is { } pdfUrl)
        {
            messages.Add(new BotDocument(pdfUrl, null, $"boleto-{invoice.Id}.pdf", "Boleto (2ª via)"));
        }
        else if (slip?.Pdf is { } pdf)
        {
            messages.Add(new BotDocument(null, pdf.ToArray(), $"boleto-{invoice.Id}.pdf", "Boleto (2ª via)"));
        }
        if (!string.IsNullOrWhiteSpace(slip?.DigitableLine))
        {
            messages.Add(new BotText("Linha digitável do boleto (copie a próxima mensagem):"));
            messages.Add(new BotText(slip.DigitableLine));
        }
        if (charge.CopyPaste is { } copyPaste)
        {
            messages.Add(new BotText("Pix copia e cola (copie a próxima mensagem e cole no app do seu banco):"));
            messages.Add(new BotText(copyPaste));
            messages.Add(new BotImage(PixQrCode.RenderPng(copyPaste), PixQrCode.PngContentType, "QR Code Pix: aponte a câmera do app do banco."));
        }
        messages.Add(new BotText("Assim que o pagamento cair, eu aviso por aqui e libero a sua internet."));
        return messages;
    }

    private async Task<PixCharge> GetOrCreateChargeAsync(string txid, Customer customer, Invoice invoice, CancellationToken cancellationToken)
    {
        try
        {
            return await pix.GetDueChargeAsync(txid, cancellationToken);
        }
        catch (ConnectorNotFoundException)
        {
        }
        return await pix.CreateDueChargeAsync(txid, new PixDueChargeRequest
        {
            Key = options.PixKey,
            Amount = invoice.OpenAmount,
            DueDate = invoice.DueDate,
            Debtor = new PixDebtor { Document = customer.Document!.Value, Name = customer.Name },
            Fine = PixFine.Percentage(2m),
            Interest = PixInterest.PercentPerMonth(1m),
        }, cancellationToken);
    }
}
