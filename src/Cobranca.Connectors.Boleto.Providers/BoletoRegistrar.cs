using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Boleto.Providers.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cobranca.Connectors.Boleto.Providers;

/// <summary>
/// Registers one boleto per invoice and never two, although no bank's create is idempotent. The reference is
/// deterministic (<see cref="BoletoReference.ForInvoice"/>); the invoice → reference → bank id mapping lives in an
/// <see cref="IStateStore"/> (collection <see cref="Collection"/>), claimed with <c>TryAddAsync</c> before anything is
/// sent. When a create times out or its answer is lost, the boleto is looked up by reference at the bank before a
/// create is ever sent again.
/// </summary>
/// <remarks>
/// <para>Keys (per provider, so several bank accounts can share one collection): <c>{provider}/invoice/{invoiceId}</c>
/// → <c>{"v":1,"reference","customerId","providerId","state":"sending|unknown|registered","sentAt","issuedOn"}</c>, and
/// <c>{provider}/ref/{reference}</c> → <c>{"v":1,"invoiceId","customerId"}</c> (used by <see cref="BoletoPaymentHandler"/>
/// to name the invoice a payment settles). Values hold ids only: no payer data.</para>
/// <para>Use a durable store (<c>ILedgerStore.GetStateStore(tenant, "boleto.reference")</c> over SQLite or PostgreSQL)
/// in production: the in-memory one forgets the claims on restart.</para>
/// </remarks>
public sealed class BoletoRegistrar
{
    /// <summary>The state collection this class owns.</summary>
    public const string Collection = "boleto.reference";

    private readonly IBoletoProvider _provider;
    private readonly IStateStore _store;
    private readonly BoletoRegistrarOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    /// <summary>Creates a registrar.</summary>
    /// <param name="provider">The bank account.</param>
    /// <param name="references">The <c>boleto.reference</c> collection of the tenant.</param>
    /// <param name="options">Timing rules.</param>
    /// <param name="logger">Logger.</param>
    /// <param name="timeProvider">Clock; system by default.</param>
    public BoletoRegistrar(IBoletoProvider provider, IStateStore references, BoletoRegistrarOptions? options = null,
        ILogger<BoletoRegistrar>? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(references);
        _provider = provider;
        _store = references;
        _options = options ?? new BoletoRegistrarOptions();
        if (_options.InFlightLease <= TimeSpan.Zero || _options.ResendAfter <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(options), "InFlightLease and ResendAfter must be positive.");
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        // Never two boletos for one invoice holds across restarts only when the references outlive the process.
        if (references is InMemoryStateStore) BoletoLog.ReferencesInMemory(_logger, provider.ProviderName);
    }

    /// <summary>The provider this registrar registers at.</summary>
    public IBoletoProvider Provider => _provider;

    private string Prefix => _provider.ProviderName + "/";

    /// <summary>
    /// The invoice's boleto: the one already recorded (nothing sent), the one an earlier lost create left at the bank
    /// (found by reference), or a new one. <paramref name="request"/>'s <see cref="BoletoRequest.Reference"/> is
    /// replaced by the invoice's deterministic reference.
    /// </summary>
    /// <param name="invoiceId">The billing system's invoice id.</param>
    /// <param name="request">The boleto to register when the invoice has none.</param>
    /// <param name="customerId">The billing system's customer id (stored so payments name it; optional).</param>
    /// <param name="cancellationToken">Cancels the call (a create already sent is resolved by the next call).</param>
    /// <exception cref="BoletoRegistrationPendingException">The create's fate is unknown now; nothing was sent twice. Retry later.</exception>
    /// <exception cref="BoletoReferenceConflictException">The reference already belongs to another invoice.</exception>
    public async Task<BoletoRegistration> RegisterAsync(string invoiceId, BoletoRequest request, string? customerId = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(invoiceId);
        ArgumentNullException.ThrowIfNull(request);
        var reference = BoletoReference.ForInvoice(invoiceId);
        var toSend = request.WithReference(reference);
        var errors = toSend.Validate();
        if (errors.Count > 0) throw new ArgumentException("Invalid boleto request: " + string.Join(" ", errors), nameof(request));

        // 1. The reference belongs to this invoice (or we stop before sending anything).
        var refKey = Prefix + "ref/" + reference;
        if (!await _store.TryAddAsync(refKey, RefValue(invoiceId, customerId), cancellationToken).ConfigureAwait(false))
        {
            var owner = await _store.GetAsync(refKey, cancellationToken).ConfigureAwait(false);
            var ownerInvoice = owner is null ? invoiceId : Read(owner.Value, "invoiceId");
            if (!string.Equals(ownerInvoice, invoiceId, StringComparison.Ordinal))
                throw new BoletoReferenceConflictException(_provider.ProviderName, reference, ownerInvoice ?? "?");
        }

        // 2. Claim the invoice, or learn what an earlier attempt left.
        var key = Prefix + "invoice/" + invoiceId;
        var today = Today();
        var now = _time.GetUtcNow();
        if (await _store.TryAddAsync(key, InvoiceValue(reference, customerId, null, "sending", now, today), cancellationToken).ConfigureAwait(false))
        {
            var entry = await _store.GetAsync(key, cancellationToken).ConfigureAwait(false);
            return await SendAsync(key, entry!, invoiceId, reference, customerId, toSend, today, cancellationToken).ConfigureAwait(false);
        }

        for (var round = 0; ; round++)
        {
            var entry = await _store.GetAsync(key, cancellationToken).ConfigureAwait(false)
                ?? throw new BoletoRegistrationPendingException(_provider.ProviderName, "The invoice's claim vanished while reading it; call again.", now);
            var state = Read(entry.Value, "state");
            var providerId = Read(entry.Value, "providerId");
            var issuedOn = DateOnly.TryParseExact(Read(entry.Value, "issuedOn"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : today;
            var sentAt = DateTimeOffset.TryParse(Read(entry.Value, "sentAt"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var s) ? s : now;

            if (state == "registered" && providerId is not null)
            {
                var existing = await _provider.GetAsync(providerId, cancellationToken).ConfigureAwait(false);
                return new BoletoRegistration(invoiceId, reference, existing, BoletoRegistrationOutcome.AlreadyRegistered);
            }

            if (state == "sending" && now - sentAt < _options.InFlightLease)
                throw new BoletoRegistrationPendingException(_provider.ProviderName,
                    $"A create for invoice {invoiceId} was sent {(now - sentAt).TotalSeconds:0} s ago and is not resolved yet; nothing sent now.", sentAt + _options.InFlightLease);

            // An earlier attempt's answer was lost (or it crashed): ask the bank before anything else.
            var found = await _provider.FindByReferenceAsync(reference, issuedOn, cancellationToken).ConfigureAwait(false);
            if (found is not null)
            {
                await RecordAsync(key, entry, reference, customerId ?? Read(entry.Value, "customerId"), found, issuedOn, cancellationToken).ConfigureAwait(false);
                BoletoLog.Registered(_logger, _provider.ProviderName, reference, "recovered", found.ProviderId);
                return new BoletoRegistration(invoiceId, reference, found, BoletoRegistrationOutcome.Recovered);
            }

            if (now - sentAt < _options.ResendAfter)
                throw new BoletoRegistrationPendingException(_provider.ProviderName,
                    $"The create for invoice {invoiceId} lost its answer and the bank does not show it yet; it is sent again only after {sentAt + _options.ResendAfter:O}.",
                    sentAt + _options.ResendAfter);

            // Nothing at the bank after the grace period: take the send (one worker wins the version race).
            var taken = await _store.TryUpdateAsync(key, InvoiceValue(reference, customerId ?? Read(entry.Value, "customerId"), null, "sending", now, today),
                entry.Version, cancellationToken).ConfigureAwait(false);
            if (taken is not null) return await SendAsync(key, taken, invoiceId, reference, customerId, toSend, today, cancellationToken).ConfigureAwait(false);
            if (round >= 3) throw new BoletoRegistrationPendingException(_provider.ProviderName, "Another worker is registering this invoice.", now + _options.InFlightLease);
        }
    }

    private async Task<BoletoRegistration> SendAsync(string key, StateEntry claim, string invoiceId, string reference, string? customerId,
        BoletoRequest request, DateOnly today, CancellationToken cancellationToken)
    {
        BoletoRecord created;
        try
        {
            created = await _provider.RegisterAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (NothingCreated(ex))
        {
            // The bank refused it or never got it: drop the claim so a corrected request can be sent.
            await _store.RemoveAsync(key, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        catch (Exception ex) when (ex is ConnectorException or OperationCanceledException)
        {
            // Timeout, dropped connection, 5xx, cancellation after sending: the bank may have registered it.
            BoletoLog.CreateUnknown(_logger, _provider.ProviderName, reference, ex);
            var unknown = await _store.TryUpdateAsync(key, InvoiceValue(reference, customerId, null, "unknown", _time.GetUtcNow(), today), claim.Version,
                CancellationToken.None).ConfigureAwait(false) ?? claim;
            if (cancellationToken.IsCancellationRequested) throw;
            BoletoRecord? found = null;
            try
            {
                found = await _provider.FindByReferenceAsync(reference, today, cancellationToken).ConfigureAwait(false);
            }
            catch (ConnectorException)
            {
                // The lookup failed too: the next call looks again.
            }

            if (found is null)
                throw new BoletoRegistrationPendingException(_provider.ProviderName,
                    $"The create for invoice {invoiceId} got no answer and the bank does not show it yet; the next call looks it up again before any resend.",
                    _time.GetUtcNow() + _options.ResendAfter, ex);
            await RecordAsync(key, unknown, reference, customerId, found, today, cancellationToken).ConfigureAwait(false);
            BoletoLog.Registered(_logger, _provider.ProviderName, reference, "recovered", found.ProviderId);
            return new BoletoRegistration(invoiceId, reference, found, BoletoRegistrationOutcome.Recovered);
        }

        await RecordAsync(key, claim, reference, customerId, created, today, CancellationToken.None).ConfigureAwait(false);
        BoletoLog.Registered(_logger, _provider.ProviderName, reference, "created", created.ProviderId);
        return new BoletoRegistration(invoiceId, reference, created, BoletoRegistrationOutcome.Created);
    }

    // A 4xx other than auth is a refusal (nothing registered); a transport failure flagged RequestNotSent never left.
    private static bool NothingCreated(Exception ex) =>
        ex is ConnectorValidationException or ConnectorAuthenticationException or ArgumentException
        || (ex is ConnectorTransportException { RequestNotSent: true });

    private async Task RecordAsync(string key, StateEntry entry, string reference, string? customerId, BoletoRecord boleto, DateOnly issuedOn,
        CancellationToken cancellationToken)
    {
        var value = InvoiceValue(reference, customerId, boleto.ProviderId, "registered", _time.GetUtcNow(), issuedOn);
        if (await _store.TryUpdateAsync(key, value, entry.Version, cancellationToken).ConfigureAwait(false) is null)
            await _store.SetAsync(key, value, cancellationToken).ConfigureAwait(false); // same invoice, same boleto: last writer says the same
    }

    /// <summary>The invoice (and customer) a reference's boleto settles, or null when this registrar never issued it.</summary>
    /// <param name="reference">The reference (<see cref="BoletoRecord.Reference"/>).</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    public async Task<BoletoInvoiceLink?> FindInvoiceAsync(string reference, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        var entry = await _store.GetAsync(Prefix + "ref/" + reference, cancellationToken).ConfigureAwait(false);
        if (entry is null || Read(entry.Value, "invoiceId") is not { } invoiceId) return null;
        var invoice = await _store.GetAsync(Prefix + "invoice/" + invoiceId, cancellationToken).ConfigureAwait(false);
        return new BoletoInvoiceLink(reference, invoiceId, Read(entry.Value, "customerId"), invoice is null ? null : Read(invoice.Value, "providerId"));
    }

    /// <summary>Every invoice this registrar issued a boleto for, ordered by invoice id (for the reconciliation's re-query pass).</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    public async IAsyncEnumerable<BoletoInvoiceLink> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var prefix = Prefix + "invoice/";
        await foreach (var entry in _store.ListAsync(prefix, cancellationToken).ConfigureAwait(false))
        {
            if (Read(entry.Value, "reference") is not { } reference) continue;
            yield return new BoletoInvoiceLink(reference, entry.Key[prefix.Length..], Read(entry.Value, "customerId"), Read(entry.Value, "providerId"));
        }
    }

    private DateOnly Today() => BrazilTime.Today(_time);

    private static string RefValue(string invoiceId, string? customerId) =>
        new JsonObject { ["v"] = 1, ["invoiceId"] = invoiceId, ["customerId"] = customerId }.ToJsonString();

    private static string InvoiceValue(string reference, string? customerId, string? providerId, string state, DateTimeOffset sentAt, DateOnly issuedOn) =>
        new JsonObject
        {
            ["v"] = 1,
            ["reference"] = reference,
            ["customerId"] = customerId,
            ["providerId"] = providerId,
            ["state"] = state,
            ["sentAt"] = sentAt.ToString("O", CultureInfo.InvariantCulture),
            ["issuedOn"] = issuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }.ToJsonString();

    private static string? Read(string json, string field)
    {
        try
        {
            return Json.Text(JsonNode.Parse(json), field);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
