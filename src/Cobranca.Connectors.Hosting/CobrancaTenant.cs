using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.MikroTik;
using Cobranca.Connectors.Pix;
using Cobranca.Connectors.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cobranca.Connectors.Hosting;

/// <summary>
/// One configured tenant put together: its ERP, access controllers (ERP first, then the router), ledgers in the
/// configured store, the dunning runner, payment → unblock and the Pix reconciliation poller. Registered as a keyed
/// singleton by tenant name by <see cref="Microsoft.Extensions.DependencyInjection.CobrancaServiceCollectionExtensions.AddCobranca"/>;
/// the hosted services use it, and so may your code (a webhook endpoint, a one-off run).
/// </summary>
public sealed class CobrancaTenant
{
    private readonly Lazy<DunningRunner?> _dunning;
    private readonly Lazy<PixReconciliationPoller?> _poller;

    internal CobrancaTenant(IServiceProvider services, string name, CobrancaTenantOptions options)
    {
        Name = name;
        Options = options;
        TimeZone = CobrancaTenantOptions.TryFindTimeZone(options.TimeZone) ?? TimeZoneInfo.Utc;
        TimeProvider = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var loggers = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        var store = services.GetRequiredService<ILedgerStore>();
        Schedule = options.Dunning.Enabled ? options.Dunning.LoadSchedule() : DunningSchedule.Rgc765;
        Holidays = options.Dunning.HolidayCalendar();
        BillingSystem = services.GetRequiredKeyedService<IBillingSystem>(name);
        var controllers = services.GetKeyedServices<IAccessController>(name);
        AccessControllers = (options.UseErpAccessControl ? controllers : controllers.Where(c => c is MikroTikAccessController)).ToList();

        Unblock = new PaymentToUnblock(BillingSystem, AccessControllers, new PaymentToUnblockOptions
        {
            Ledger = store.GetUnblockLedger(name),
            TargetResolver = services.GetKeyedService<IPaymentTargetResolver>(name) ?? services.GetService<IPaymentTargetResolver>(),
            TimeProvider = TimeProvider,
            ClaimLease = options.Unblock.ClaimLease,
        }, loggers.CreateLogger<PaymentToUnblock>());

        _dunning = new Lazy<DunningRunner?>(() =>
        {
            if (!options.Dunning.Enabled) return null;
            var sender = services.GetKeyedService<INotificationSender>(name) ?? services.GetService<INotificationSender>()
                ?? throw new InvalidOperationException($"Tenant '{name}': dunning is enabled but no INotificationSender is registered.");
            return new DunningRunner(BillingSystem, Schedule, sender, AccessControllers, new DunningRunnerOptions
            {
                Ledger = store.GetDunningLedger(name),
                Holidays = Holidays,
                OptOut = services.GetKeyedService<IDunningOptOutSource>(name) ?? services.GetService<IDunningOptOutSource>(),
                TimeProvider = TimeProvider,
                MaxConcurrency = options.Dunning.MaxConcurrency,
                DryRun = options.Dunning.DryRun,
                ClaimLease = options.Dunning.ClaimLease,
                Unconfirmed = options.Dunning.Unconfirmed,
            }, loggers.CreateLogger<DunningRunner>());
        });

        _poller = new Lazy<PixReconciliationPoller?>(() =>
        {
            if (!options.Pix || !options.PixReconciliation.Enabled) return null;
            return new PixReconciliationPoller(services.GetRequiredKeyedService<IPixClient>(name),
                (payment, cancellationToken) => Unblock.ProcessAsync(payment, cancellationToken),
                options.PixReconciliation.ToPaymentOptions(options.Unblock.ClaimLease), store.GetProcessedPaymentLedger(name),
                loggers.CreateLogger<PixReconciliationPoller>(), TimeProvider);
        });
    }

    /// <summary>The tenant's name (the key of its registrations).</summary>
    public string Name { get; }

    /// <summary>The tenant's options as bound and validated.</summary>
    public CobrancaTenantOptions Options { get; }

    /// <summary>The tenant's time zone (<see cref="CobrancaTenantOptions.TimeZone"/>).</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>The clock every workflow of the tenant uses (the host's <see cref="System.TimeProvider"/> when registered).</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>The ERP.</summary>
    public IBillingSystem BillingSystem { get; }

    /// <summary>The access controllers in the order they are applied: the ERP, then the router.</summary>
    public IReadOnlyList<IAccessController> AccessControllers { get; }

    /// <summary>The dunning schedule (from <see cref="CobrancaDunningOptions.ScheduleFile"/> or the RGC 765 preset).</summary>
    public DunningSchedule Schedule { get; }

    /// <summary>The holiday calendar of the dunning run.</summary>
    public IHolidayCalendar Holidays { get; }

    /// <summary>The dunning runner; null when dunning is disabled.</summary>
    public DunningRunner? Dunning => _dunning.Value;

    /// <summary>Payment → unblock, on the configured store's ledger.</summary>
    public PaymentToUnblock Unblock { get; }

    /// <summary>The Pix reconciliation poller; null when the tenant has no Pix or reconciliation is disabled.</summary>
    public PixReconciliationPoller? PixReconciliation => _poller.Value;

    /// <summary>Observes each daily dunning run of the hosted service (tests).</summary>
    internal Action<Internal.DunningRunRecord>? DunningRunCompleted { get; set; }

    /// <summary>Observes each pending-unblock retry pass of the hosted service (tests): how many were retried, or -1 on failure.</summary>
    internal Action<int>? UnblockRetryCompleted { get; set; }
}
