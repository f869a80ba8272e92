using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Cobranca.Connectors.Abstractions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cobranca.Connectors.MikroTik.Tests.Access;

public sealed class RegistrationTests
{
    [Fact]
    public async Task Named_registrations_resolve_keyed_controllers_per_router()
    {
        await using var router = await Routers.StartAsync();
        var services = new ServiceCollection();
        services.AddMikroTikClient("pop-centro", o =>
        {
            o.Host = router.Host;
            o.Port = router.Port;
            o.User = "admin";
            o.Password = Routers.Password;
        });
        services.AddMikroTikClient("pop-norte", o =>
        {
            o.Host = router.Host;
            o.Port = router.Port;
            o.User = "admin";
            o.Password = Routers.Password;
            o.Strategy = MikroTikAccessStrategy.KickOnly;
        });
        await using var provider = services.BuildServiceProvider();

        var centro = provider.GetRequiredKeyedService<IAccessController>("pop-centro");
        var norte = provider.GetRequiredKeyedService<IAccessController>("pop-norte");

        Assert.True(centro.Info.Supports(AccessCapabilities.ReadState));
        Assert.False(norte.Info.Supports(AccessCapabilities.ReadState));
        Assert.Same(centro, provider.GetRequiredKeyedService<MikroTikAccessController>("pop-centro"));
        Assert.Same(((MikroTikAccessController)centro).Client, provider.GetRequiredKeyedService<IRouterOsClient>("pop-centro"));
        Assert.Null(provider.GetService<IAccessController>()); // keyed only: no router silently becomes "the" controller
        Assert.Equal(AccessStatus.Active, (await centro.GetAccessStateAsync(Subscriber.ForIp(System.Net.IPAddress.Parse("10.0.0.1")))).Status);
    }

    [Fact]
    public async Task A_controller_resolved_from_di_records_its_metrics_on_the_hosts_meter_factory()
    {
        await using var router = await Routers.StartAsync();
        using var factory = new RecordingMeterFactory();
        var services = new ServiceCollection();
        services.AddSingleton<System.Diagnostics.Metrics.IMeterFactory>(factory);
        services.AddMikroTikClient("pop-centro", o =>
        {
            o.Host = router.Host;
            o.Port = router.Port;
            o.User = "admin";
            o.Password = Routers.Password;
        });
        await using var provider = services.BuildServiceProvider();
        var seen = new List<(System.Diagnostics.Metrics.Meter Meter, string Instrument)>();
        using var listener = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == MikroTikTelemetry.MeterName) l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, _, _, _) =>
        {
            lock (seen) seen.Add((instrument.Meter, instrument.Name));
        });
        listener.Start();

        var controller = provider.GetRequiredKeyedService<IAccessController>("pop-centro");
        await controller.GetAccessStateAsync(Subscriber.ForIp(System.Net.IPAddress.Parse("10.0.0.1")));

        lock (seen)
        {
            var meter = Assert.Single(factory.Created);
            Assert.Equal(MikroTikTelemetry.MeterName, meter.Name);
            Assert.Contains(seen, m => m.Instrument == "cobranca.mikrotik.connections" && ReferenceEquals(m.Meter, meter));
            Assert.Contains(seen, m => m.Instrument == "cobranca.mikrotik.commands" && ReferenceEquals(m.Meter, meter));
        }
    }

    private sealed class RecordingMeterFactory : System.Diagnostics.Metrics.IMeterFactory
    {
        public List<System.Diagnostics.Metrics.Meter> Created { get; } = [];

        public System.Diagnostics.Metrics.Meter Create(System.Diagnostics.Metrics.MeterOptions options)
        {
            var meter = new System.Diagnostics.Metrics.Meter(options);
            Created.Add(meter);
            return meter;
        }

        public void Dispose()
        {
            foreach (var meter in Created) meter.Dispose();
        }
    }

    [Fact]
    public void Invalid_options_fail_validation_with_the_registration_name()
    {
        var services = new ServiceCollection();
        services.AddMikroTikClient("bad", o => o.Strategy = MikroTikAccessStrategy.PppProfileSwap);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<MikroTikAccessControllerOptions>>().Get("bad"));

        Assert.Contains(ex.Failures, f => f.Contains("Cobranca:MikroTik:bad: ") && f.Contains("Host"));
        Assert.Contains(ex.Failures, f => f.Contains("BlockProfile"));
    }

    [Fact]
    public void A_blank_router_name_is_refused() => Assert.Throws<ArgumentException>(() => new ServiceCollection().AddMikroTikClient(" "));

    [Fact]
    public async Task Options_are_bound_from_the_router_section()
    {
        await using var router = await Routers.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cobranca:MikroTik:pop-sul:Host"] = router.Host,
            ["Cobranca:MikroTik:pop-sul:Port"] = router.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Cobranca:MikroTik:pop-sul:User"] = "admin",
            ["Cobranca:MikroTik:pop-sul:Password"] = Routers.Password,
            ["Cobranca:MikroTik:pop-sul:Strategy"] = "KickOnly",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddMikroTikClient("pop-sul");
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var controller = provider.GetRequiredKeyedService<MikroTikAccessController>("pop-sul");

        Assert.Equal(MikroTikAccessStrategy.KickOnly, controller.Strategy);
        await controller.Client.ConnectAsync();
        Assert.True(controller.Client.IsConnected);
    }

    [Fact]
    public void Tls_pinning_accepts_only_a_pinned_sha256_certificate_and_validation_is_on_by_default()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=router", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var sha256 = Convert.ToHexString(SHA256.HashData(cert.RawData));
        var chainErrors = System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors;

        var pinned = new RouterOsClientOptions { Host = "r", User = "u", UseTls = true };
        pinned.PinnedCertificateThumbprints.Add(sha256);
        var pinnedSha1 = new RouterOsClientOptions { Host = "r", User = "u", UseTls = true };
        pinnedSha1.PinnedCertificateThumbprints.Add(cert.Thumbprint);
        var other = new RouterOsClientOptions { Host = "r", User = "u", UseTls = true };
        other.PinnedCertificateThumbprints.Add(new string('A', 64));
        var unpinned = new RouterOsClientOptions { Host = "r", User = "u", UseTls = true };

        Assert.True(RouterOsConnection.ValidateCertificate(pinned, cert, chainErrors));
        Assert.False(RouterOsConnection.ValidateCertificate(pinnedSha1, cert, chainErrors)); // SHA-1 pins never match...
        Assert.Contains(pinnedSha1.Validate(), e => e.Contains("SHA-1", StringComparison.Ordinal)); // ...and are refused by validation
        Assert.False(RouterOsConnection.ValidateCertificate(other, cert, System.Net.Security.SslPolicyErrors.None)); // pins are exclusive
        Assert.False(RouterOsConnection.ValidateCertificate(unpinned, cert, chainErrors));
        Assert.True(RouterOsConnection.ValidateCertificate(unpinned, cert, System.Net.Security.SslPolicyErrors.None));
        Assert.Equal(8729, unpinned.EffectivePort);
    }
}
