using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Workflows;

namespace CollectionsBot.Bot;

/// <summary>
/// The payment path's last step: a confirmed Pix (after the PSP re-query and dedupe) runs <see cref="PaymentToUnblock"/>
/// and the customer who asked for that charge is told, on WhatsApp, that the service is back. A redelivered payment is
/// a duplicate for the workflow and sends nothing.
/// </summary>
public sealed class PaymentNotifier(PaymentToUnblock unblock, BotStores stores, IBotChannel channel)
{
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
        // The customer wrote minutes ago (they asked for this charge), so the 24-hour window is open and free text is
        // allowed; a payment days later needs an approved UTILITY template instead (the channel refuses free text then).
        await channel.SendAsync(charge.WaId, new BotText(text), cancellationToken);
        Notified?.Invoke(charge.WaId, outcome);
        return outcome;
    }
}
