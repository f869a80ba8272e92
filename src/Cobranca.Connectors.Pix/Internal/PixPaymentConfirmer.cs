using Cobranca.Connectors.Abstractions;
using Microsoft.Extensions.Logging;

namespace Cobranca.Connectors.Pix.Internal;

internal enum ConfirmOutcome
{
    Raised,
    Duplicate,
    Rejected,
}

/// <summary>The shared tail of both channels: key check, dedupe claim, normalised event, release on failure.</summary>
internal sealed class PixPaymentConfirmer(
    IPixClient client,
    Func<PaymentReceived, CancellationToken, Task> onPaymentReceived,
    PixPaymentOptions options,
    IPixPaymentStore store,
    ILogger logger)
{
    public async Task<(ConfirmOutcome Outcome, PaymentReceived? Event)> ConfirmAsync(PixPayment payment, string channel, CancellationToken cancellationToken)
    {
        if (options.AllowedKeys.Count > 0 && (payment.Key is null || !options.AllowedKeys.Contains(payment.Key)))
        {
            PixLog.CallbackRejected(logger, payment.EndToEndId, "paid to a key that is not in AllowedKeys");
            return (ConfirmOutcome.Rejected, null);
        }

        if (!await store.TryClaimAsync(payment.EndToEndId, cancellationToken).ConfigureAwait(false))
        {
            PixLog.Duplicate(logger, payment.EndToEndId);
            return (ConfirmOutcome.Duplicate, null);
        }

        var evt = ToEvent(payment);
        try
        {
            await onPaymentReceived(evt, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Not raised: give it back so the next delivery or poll tries again (never lost silently).
            await store.ReleaseAsync(payment.EndToEndId, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        PixLog.Confirmed(logger, payment.EndToEndId, channel, payment.Txid);
        PixInstrumentation.Payments.Add(1, new KeyValuePair<string, object?>("channel", channel));
        return (ConfirmOutcome.Raised, evt);
    }

    private PaymentReceived ToEvent(PixPayment p)
    {
        string? invoiceId = null;
        if (options.TxidPrefix is { } prefix && PixTxid.TryGetInvoiceId(p.Txid, prefix, out var id, out _)) invoiceId = id;
        return new PaymentReceived
        {
            PaymentId = p.EndToEndId,
            Source = options.Source ?? client.ProviderName,
            Reference = p.Txid,
            InvoiceId = invoiceId,
            Amount = p.Amount,
            PaidAt = p.PaidAt,
            PayerMasked = p.Payer?.Masked,
        };
    }
}
