namespace Cobranca.Connectors.Workflows;

/// <summary>
/// Host-supplied message channel for dunning (WhatsApp template, SMS, e-mail ...). The SDK never talks to a messaging
/// platform itself: it decides what is due and hands a <see cref="DunningNotification"/> over. Throw to report a failed
/// send (the action is retried on the next run); return normally once the channel accepted the message.
/// </summary>
public interface INotificationSender
{
    /// <summary>Sends one notification.</summary>
    /// <param name="notification">What to send, to whom (by customer id) and with which template.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    Task SendAsync(DunningNotification notification, CancellationToken cancellationToken = default);
}
