namespace Cobranca.Connectors.MikroTik;

/// <summary>How a router enforces a block or a throttle. Chosen per deployment (per router), see docs/mikrotik.md.</summary>
public enum MikroTikAccessStrategy
{
    /// <summary>
    /// Block = the subscriber's IP is in a firewall address-list (router-side rules drop it and redirect web traffic to a
    /// notice page). Needs <see cref="Abstractions.Subscriber.IpAddress"/>. No throttle.
    /// </summary>
    AddressList,

    /// <summary>Block = the PPP secret is disabled and the live session is kicked. Needs <see cref="Abstractions.Subscriber.Login"/>. No throttle.</summary>
    PppSecretDisable,

    /// <summary>
    /// Block or throttle = the PPP secret gets the block (or throttle) profile, then the session is kicked so it
    /// reconnects with that profile. Unblock restores the original profile (remembered in the secret's comment).
    /// </summary>
    PppProfileSwap,

    /// <summary>Throttle = the subscriber's simple queue gets a lower <c>max-limit</c>; unblock restores it. No block.</summary>
    SimpleQueue,

    /// <summary>
    /// RADIUS-managed routers: the billing system owns the state; block, unblock and throttle only kick the PPP session so
    /// RADIUS re-applies the state at reconnect. State cannot be read from the router.
    /// </summary>
    KickOnly,
}
