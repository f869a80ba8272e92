using Cobranca.Connectors.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Cobranca.Connectors.Pix;

/// <summary>Returned by <c>services.AddPixClient(name, …)</c>: further configuration of one named PSP account.</summary>
public sealed class PixClientBuilder
{
    internal PixClientBuilder(IServiceCollection services, string name, IHttpClientBuilder httpClient)
    {
        Services = services;
        Name = name;
        HttpClient = httpClient;
    }

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The registration name (also the DI key of the <see cref="IPixClient"/>).</summary>
    public string Name { get; }

    /// <summary>The named HttpClient behind the client, to add your own handlers.</summary>
    public IHttpClientBuilder HttpClient { get; }

    /// <summary>
    /// Registers, under the same key, a <see cref="PixWebhookHandler"/> and a <see cref="PixReconciliationPoller"/>
    /// sharing one <see cref="IProcessedPaymentLedger"/> (a keyed one you registered — e.g. from a SQLite or
    /// PostgreSQL <c>ILedgerStore</c> — or an in-memory one).
    /// </summary>
    /// <param name="onPaymentReceived">Called once per confirmed payment, with the root service provider.</param>
    /// <param name="configure">Invoice mapping and allowed keys.</param>
    public PixClientBuilder AddPaymentHandling(Func<IServiceProvider, PaymentReceived, CancellationToken, Task> onPaymentReceived,
        Action<PixPaymentOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(onPaymentReceived);
        var options = new PixPaymentOptions();
        configure?.Invoke(options);
        var name = Name;
        Services.TryAddKeyedSingleton<IProcessedPaymentLedger>(name, (_, _) => new InMemoryProcessedPaymentLedger());
        Services.AddKeyedSingleton(name, (sp, _) => new PixWebhookHandler(
            sp.GetRequiredKeyedService<IPixClient>(name), (e, ct) => onPaymentReceived(sp, e, ct), options,
            sp.GetRequiredKeyedService<IProcessedPaymentLedger>(name), sp.GetService<ILogger<PixWebhookHandler>>()));
        Services.AddKeyedSingleton(name, (sp, _) => new PixReconciliationPoller(
            sp.GetRequiredKeyedService<IPixClient>(name), (e, ct) => onPaymentReceived(sp, e, ct), options,
            sp.GetRequiredKeyedService<IProcessedPaymentLedger>(name), sp.GetService<ILogger<PixReconciliationPoller>>(),
            sp.GetService<TimeProvider>()));
        return this;
    }
}
