namespace Cobranca.Connectors.Testing.WhatsApp;

/// <summary>Settings of a <see cref="WhatsAppCloudSandbox"/>.</summary>
public sealed class WhatsAppCloudSandboxOptions
{
    /// <summary>The accepted bearer token.</summary>
    public string AccessToken { get; set; } = "sandbox-system-user-token";

    /// <summary>The business phone number id served.</summary>
    public string PhoneNumberId { get; set; } = "106540352242922";

    /// <summary>The WhatsApp Business Account id (<c>entry[].id</c> of webhooks).</summary>
    public string BusinessAccountId { get; set; } = "419561257915477";

    /// <summary>The business number as displayed (<c>metadata.display_phone_number</c>).</summary>
    public string DisplayPhoneNumber { get; set; } = "551140028922";

    /// <summary>The app secret that signs webhooks.</summary>
    public string AppSecret { get; set; } = "sandbox-app-secret";

    /// <summary>The approved-template catalogue; templates not in it are refused with 132001.</summary>
    public IList<WhatsAppSandboxTemplate> Templates { get; } = new List<WhatsAppSandboxTemplate>();

    /// <summary>
    /// wa_ids of accounts that kept the 8-digit form (<c>553196883193</c>): a send to the 9-digit number is delivered
    /// to them and reported with this wa_id, as Meta does for older Brazilian accounts.
    /// </summary>
    public IList<string> EightDigitAccounts { get; } = new List<string>();

    /// <summary>wa_ids that are not on WhatsApp: sends to them fail with 131026.</summary>
    public IList<string> UnreachableNumbers { get; } = new List<string>();

    /// <summary>Throughput per second before 130429 (Meta's default is 80). Default 80.</summary>
    public int ThroughputPerSecond { get; set; } = 80;

    /// <summary>The pair rate: the least time between two messages to one user before 131056 (Meta: about 6 s). Zero (default) disables it.</summary>
    public TimeSpan PairRateInterval { get; set; }

    /// <summary>Enforces the 24-hour customer-service window (131047 for free-form outside it). Default true.</summary>
    public bool EnforceServiceWindow { get; set; } = true;

    /// <summary>Queues <c>sent</c> and <c>delivered</c> statuses for every accepted message (delivered by <see cref="WhatsAppCloudSandbox.DeliverPendingStatusesAsync"/>). Default true.</summary>
    public bool QueueStatuses { get; set; } = true;

    /// <summary>Where webhooks are POSTed (the host's endpoint); null to use <see cref="WebhookHandler"/> or keep them only in <see cref="WhatsAppCloudSandbox.Webhooks"/>.</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>A handler that receives each webhook delivery in process (instead of HTTP).</summary>
    public Func<WhatsAppSandboxWebhook, CancellationToken, Task>? WebhookHandler { get; set; }

    /// <summary>The clock (window, rate limits, timestamps). Default the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
