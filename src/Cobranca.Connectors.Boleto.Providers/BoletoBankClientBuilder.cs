using Cobranca.Connectors.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Cobranca.Connectors.Boleto.Providers;

/// <summary>Returned by <c>services.AddBoletoBankClient(tenant, …)</c>: further configuration of one bank account.</summary>
public sealed class BoletoBankClientBuilder
{
    internal BoletoBankClientBuilder(IServiceCollection services, string name, IHttpClientBuilder httpClient)
    {
        Services = services;
        Name = name;
        HttpClient = httpClient;
    }

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The tenant name (the DI key).</summary>
    public string Name { get; }

    /// <summary>The named HttpClient behind the client, to add your own handlers.</summary>
    public IHttpClientBuilder HttpClient { get; }

    /// <summary>
    /// Registers, under the same key, a <see cref="BoletoRegistrar"/> over a keyed <see cref="IStateStore"/> (yours —
    /// e.g. <c>ledgerStore.GetStateStore(tenant, "boleto.reference")</c> — or an in-memory one) and a
    /// <see cref="BoletoPaymentHandler"/> over a keyed <see cref="IProcessedPaymentLedger"/> (yours, or an in-memory one).
    /// </summary>
    /// <param name="onPaymentReceived">Called once per confirmed payment, with the root service provider.</param>
    public BoletoBankClientBuilder AddPaymentHandling(Func<IServiceProvider, PaymentReceived, CancellationToken, Task> onPaymentReceived)
    {
        ArgumentNullException.ThrowIfNull(onPaymentReceived);
        var name = Name;
        Services.TryAddKeyedSingleton<IStateStore>(name, (_, _) => new InMemoryStateStore(BoletoRegistrar.Collection));
        Services.TryAddKeyedSingleton<IProcessedPaymentLedger>(name, (_, _) => new InMemoryProcessedPaymentLedger());
        Services.AddKeyedSingleton(name, (sp, _) => new BoletoRegistrar(sp.GetRequiredKeyedService<IBoletoProvider>(name),
            sp.GetRequiredKeyedService<IStateStore>(name), null, sp.GetService<ILogger<BoletoRegistrar>>(), sp.GetService<TimeProvider>()));
        Services.AddKeyedSingleton(name, (sp, _) => new BoletoPaymentHandler(sp.GetRequiredKeyedService<IBoletoBankClient>(name),
            (e, ct) => onPaymentReceived(sp, e, ct), sp.GetRequiredKeyedService<BoletoRegistrar>(name), sp.GetRequiredKeyedService<IProcessedPaymentLedger>(name),
            sp.GetService<ILogger<BoletoPaymentHandler>>(), sp.GetService<TimeProvider>()));
        return this;
    }
}
