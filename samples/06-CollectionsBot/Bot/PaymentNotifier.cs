using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.WhatsApp;
using Cobranca.Connectors.Workflows;

namespace CollectionsBot.Bot;

/// <summary>
/// The payment path's last step: a confirmed Pix (after the PSP re-query and dedupe) runs <see cref="PaymentToUnblock"/>
/// and the customer who asked for that charge is told, on WhatsApp, that the service is back. A redelivered payment is
/// a duplicate for the workflow and sends nothing. The notice is free text while the customer's 24-hour window is open
/// and an approved UTILITY template otherwise (a customer who pays from the bank app days after talking to the bot).
/// </summary>
public sealed class PaymentNotifier(PaymentToUnblock unblock, BotStores stores, IBotChannel channel, BotOptions? options = null)
{
    private readonly BotOptions _options = options ?? new BotOptions();

    /// <summary>Raised after each notification (the scripted run measures payment → message with it).</summary>
    public event Action<string, UnblockOutcome>? Notified;

    /// <summary>Handles one confirmed payment.</summary>
    public async Task<UnblockOutcome> HandleAsync(PaymentReceived payment, CancellationToken cancellationToken = default)
    {
        var outcome = await unblock.ProcessAsync(payment, cancellationToken);
        if (outcome.IsDuplicate) return outcome;
        var charge = payment.Reference is { } txid ? await stores.GetChargeAsync(txid, cancellationToken) : null;
        if (charge is null) return outcome; // not a charge the bot issued: the ERP's own channels tell the customer

        var text = outcome.Status switch
        {
            UnblockStatus.Restored =>
                $"Pagamento de {Money.Format(payment.Amount)} confirmado. Serviço restabelecido! Se a internet não voltar em alguns minutos, desligue e ligue o roteador.",
            UnblockStatus.Pending =>
                $"Pagamento de {Money.Format(payment.Amount)} recebido. Estamos liberando sua conexão e avisamos por aqui.",
            _ when outcome.Reason is UnblockReason.OtherOverdueInvoices or UnblockReason.OverdueInvoicesRemain =>
                $"Pagamento de {Money.Format(payment.Amount)} confirmado. Ainda há outra fatura vencida: digite MENU para ver a segunda via.",
            _ => $"Pagamento de {Money.Format(payment.Amount)} confirmado. Uma pessoa da nossa equipe vai verificar a liberação.",
        };
        // Usually the customer wrote minutes ago (they asked for this charge) and free text is allowed; when they pay
        // days later the window is closed and the channel sends the template instead. Its parameters are the amount,
        // the payment date and the invoice number: never a CPF/CNPJ, a phone or a Pix key.
        var template = outcome.Status == UnblockStatus.Restored ? _options.ServiceRestoredTemplate : _options.PaymentConfirmedTemplate;
        var paidOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(payment.PaidAt, BrazilTime.Zone).DateTime);
        var fallback = new BotTemplate(template, _options.TemplateLanguage,
        [
            WhatsAppTemplateParameter.Currency(payment.Amount),
            WhatsAppTemplateParameter.Date(paidOn),
            WhatsAppTemplateParameter.Text(WhatsAppTemplateParameter.Sanitize(charge.InvoiceId, 60)),
        ]);
        await channel.SendAsync(charge.WaId, new BotNotice(text, fallback), cancellationToken);
        Notified?.Invoke(charge.WaId, outcome);
        return outcome;
    }
}
