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
    IProcessedPaymentLedger store,
    ILogger logger,
    TimeProvider timeProvider)
{
    private readonly TimeSpan _lease = options.ClaimLease > TimeSpan.Zero ? options.ClaimLease
        : throw new ArgumentOutOfRangeException(nameof(options), options.ClaimLease, "PixPaymentOptions.ClaimLease must be positive.");

    public async Task<(ConfirmOutcome Outcome, PaymentReceived? Event)> ConfirmAsync(PixPayment payment, string channel, CancellationToken cancellationToken)
    {
        if (options.AllowedKeys.Count > 0 && (payment.Key is null || !options.AllowedKeys.Contains(payment.Key)))
        {
            PixLog.CallbackRejected(logger, payment.EndToEndId, "paid to a key that is not in AllowedKeys");
            return (ConfirmOutcome.Rejected, null);
        }

        // Claim → raise → complete. A crash in between leaves a claim that expires; the next delivery or poll raises it.
        var claim = LedgerClaim.Create(timeProvider, _lease);
        if (!await store.TryClaimAsync(payment.EndToEndId, claim, cancellationToken).ConfigureAwait(false))
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
            await store.ReleaseAsync(payment.EndToEndId, claim, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        await store.CompleteAsync(payment.EndToEndId, claim, CancellationToken.None).ConfigureAwait(false);
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
