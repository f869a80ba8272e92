using System.Diagnostics.Metrics;
using System.Security.Cryptography.X509Certificates;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Boleto.Providers.Internal;
using Cobranca.Connectors.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cobranca.Connectors.Boleto.Providers;

/// <summary>
/// Boleto client for one bank account (Inter v3, Sicoob v3, Banco do Brasil v2 or Efí): OAuth2
/// <c>client_credentials</c> with a cached single-flight token and the mTLS certificate (the same shared pieces the
/// Pix package uses), per-bank paths, bodies and status names, errors mapped to the ConnectorException hierarchy.
/// Creates are never retried by the pipeline; use <see cref="BoletoRegistrar"/> to register per invoice without ever
/// creating two boletos.
/// </summary>
public sealed class BoletoBankClient : IBoletoBankClient, IDisposable
{
    private readonly BankAdapter _adapter;
    private readonly BoletoTransport _transport;
    private readonly HttpClient? _ownedClient;
    private readonly X509Certificate2? _ownedCertificate;

    /// <summary>Creates a client with its own connection pool and the mTLS certificate from <paramref name="options"/>.</summary>
    /// <param name="options">Account settings; copied and validated here (only <see cref="BoletoBankClientOptions.Credential"/> stays shared, for rotation).</param>
    /// <param name="loggerFactory">Logging; none by default.</param>
    /// <param name="timeProvider">The clock for token expiry, "today" and timeouts; the system clock by default.</param>
    /// <exception cref="ArgumentException">Invalid options (the message lists every problem) or an unreadable certificate.</exception>
    public BoletoBankClient(BoletoBankClientOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        var settings = Validated(options);
        var time = timeProvider ?? TimeProvider.System;
        var certificate = LoadCertificate(settings);
        if (!ReferenceEquals(certificate, settings.Certificate)) _ownedCertificate = certificate;
        try
        {
            _ownedClient = ConnectorHttpClientFactory.Create(BankEndpoints.For(settings).ApiBase!, settings.Resilience, time, CreatePrimaryHandler(settings, certificate));
        }
        catch
        {
            _ownedCertificate?.Dispose();
            throw;
        }

        var client = _ownedClient;
        (_transport, _adapter) = Build(settings, settings.CreateCredential(), () => client, loggerFactory, time, null, null);
    }

    /// <summary>The DI path: the named HttpClient comes from the factory; the credential is shared with the registration.</summary>
    internal BoletoBankClient(BoletoBankClientOptions options, ConnectorCredential credential, Func<HttpClient> httpClient, ILoggerFactory? loggerFactory,
        TimeProvider? timeProvider, string tenant, IMeterFactory? meterFactory)
    {
        var settings = Validated(options);
        (_transport, _adapter) = Build(settings, credential, httpClient, loggerFactory, timeProvider ?? TimeProvider.System, tenant, meterFactory);
    }

    /// <inheritdoc />
    public string ProviderName => _transport.Provider;

    /// <inheritdoc />
    public BoletoBank Bank { get; private set; }

    /// <inheritdoc />
    public BoletoCapabilities Capabilities => _adapter.Capabilities;

    /// <summary>How many OAuth tokens this client obtained (diagnostics: a healthy client reuses its token until it nears expiry).</summary>
    public int TokensRequested => _transport.TokensRequested;

    internal static X509Certificate2? LoadCertificate(BoletoBankClientOptions o) =>
        ClientCertificateLoader.Load(o.Certificate, o.CertificatePfx, o.CertificatePath, o.CertificatePassword, o.ProviderName, nameof(o));

    internal static SocketsHttpHandler CreatePrimaryHandler(BoletoBankClientOptions options, X509Certificate2? certificate)
    {
        var handler = ConnectorHttpClientFactory.CreatePrimaryHandler([.. options.PinnedCertificateThumbprints]);
        if (certificate is not null) handler.SslOptions.ClientCertificates = [certificate];
        return handler;
    }

    private static BoletoBankClientOptions Validated(BoletoBankClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Copy();
        ConnectorOptionsValidation.ThrowIfInvalid(nameof(BoletoBankClientOptions), settings.Validate());
        return settings;
    }

    private (BoletoTransport, BankAdapter) Build(BoletoBankClientOptions options, ConnectorCredential credential, Func<HttpClient> httpClient,
        ILoggerFactory? loggerFactory, TimeProvider time, string? tenant, IMeterFactory? meterFactory)
    {
        ILogger logger = loggerFactory?.CreateLogger<BoletoBankClient>() ?? (ILogger)NullLogger.Instance;
        var transport = new BoletoTransport(options, credential, httpClient, time, logger, tenant, meterFactory);
        Bank = options.Bank!.Value;
        BankAdapter adapter = Bank switch
        {
            BoletoBank.Inter => new InterAdapter(transport, options, time),
            BoletoBank.Sicoob => new SicoobAdapter(transport, options, time),
            BoletoBank.BancoDoBrasil => new BancoDoBrasilAdapter(transport, options, time),
            _ => new EfiAdapter(transport, options, time),
        };
        return (transport, adapter);
    }

    /// <inheritdoc />
    public Task<BoletoRecord> RegisterAsync(BoletoRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = request.Validate();
        if (errors.Count > 0) throw new ArgumentException("Invalid boleto request: " + string.Join(" ", errors), nameof(request));
        return _adapter.RegisterAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    public Task<BoletoRecord> GetAsync(string providerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerId);
        return _adapter.GetAsync(providerId, cancellationToken);
    }

    /// <inheritdoc />
    public Task<BoletoRecord?> FindByReferenceAsync(string reference, DateOnly issuedOn, CancellationToken cancellationToken = default)
    {
        if (!BoletoReference.IsValid(reference)) throw new ArgumentException("A reference is 1 to 10 digits.", nameof(reference));
        return _adapter.FindByReferenceAsync(reference, issuedOn, cancellationToken);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<BoletoRecord> ListAsync(BoletoQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.To < query.From) throw new ArgumentException("To is before From.", nameof(query));
        return _adapter.ListAsync(query, cancellationToken);
    }

    /// <inheritdoc />
    public Task CancelAsync(string providerId, BoletoCancelReason reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerId);
        if (!Enum.IsDefined(reason)) throw new ArgumentOutOfRangeException(nameof(reason));
        return _adapter.CancelAsync(providerId, reason, cancellationToken);
    }

    /// <inheritdoc />
    public Task<byte[]> GetPdfAsync(string providerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerId);
        return _adapter.GetPdfAsync(providerId, cancellationToken);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<BoletoRecord> ListPaidAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        _adapter.ListPaidAsync(day, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ReadWebhookHintsAsync(string body, CancellationToken cancellationToken = default) =>
        _adapter.ReadWebhookHintsAsync(body ?? string.Empty, cancellationToken);

    /// <inheritdoc />
    public override string ToString() => ProviderName;

    /// <inheritdoc />
    public void Dispose()
    {
        _transport.Dispose();
        _ownedClient?.Dispose();
        _ownedCertificate?.Dispose();
    }
}
