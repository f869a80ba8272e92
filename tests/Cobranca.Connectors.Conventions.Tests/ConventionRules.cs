using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cobranca.Connectors.Conventions.Tests;

/// <summary>
/// The idiom of docs/conventions.md as executable rules. Each rule takes a set of types and returns the offenders (empty
/// when the types follow the idiom), so the same rule runs over every shipped package and over the deliberately wrong
/// fixtures of this project (which must be reported).
/// </summary>
internal static partial class ConventionRules
{
    public const string Marker = "CONVENTION-SECRET-7f3a";
    private const string DiNamespace = "Microsoft.Extensions.DependencyInjection";
    private const string Tenant = "conv-tenant";

    // ------------------------------------------------------------------ discovery

    /// <summary>Public <c>Add*Client</c> methods of public static classes (obsolete forwarders excluded).</summary>
    public static IEnumerable<MethodInfo> RegistrationMethods(IEnumerable<Type> types) =>
        types.Where(t => t is { IsClass: true, IsAbstract: true, IsSealed: true })
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.Name.StartsWith("Add", StringComparison.Ordinal) && m.Name.EndsWith("Client", StringComparison.Ordinal)
                        && !m.IsDefined(typeof(ObsoleteAttribute)));

    /// <summary>
    /// Connector clients: public concrete classes named <c>*Client</c> or implementing a shared contract, built from an
    /// options object (the first parameter of a public constructor is an <c>*Options</c> type).
    /// </summary>
    public static IEnumerable<Type> ClientTypes(IEnumerable<Type> types) =>
        types.Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true }
                         && (t.Name.EndsWith("Client", StringComparison.Ordinal)
                             || typeof(IBillingSystem).IsAssignableFrom(t) || typeof(IAccessController).IsAssignableFrom(t))
                         && OptionsTypeOf(t) is not null);

    public static Type? OptionsTypeOf(Type client) =>
        client.GetConstructors().Select(c => c.GetParameters().FirstOrDefault()?.ParameterType)
            .FirstOrDefault(p => p is not null && p.Name.EndsWith("Options", StringComparison.Ordinal));

    /// <summary>Options types: what clients are built from and what registrations configure.</summary>
    public static IEnumerable<Type> OptionsTypes(IEnumerable<Type> types)
    {
        var list = types.ToList();
        return ClientTypes(list).Select(OptionsTypeOf)
            .Concat(RegistrationMethods(list).Select(ConfiguredOptions))
            .Where(t => t is not null).Select(t => t!).Distinct();
    }

    private static Type? ConfiguredOptions(MethodInfo register)
    {
        var p = register.GetParameters();
        return p.Length > 0 && p[^1].ParameterType is { IsGenericType: true } a && a.GetGenericTypeDefinition() == typeof(Action<>)
            ? a.GetGenericArguments()[0] : null;
    }

    // ------------------------------------------------------------------ registration

    /// <summary><c>{X}ClientBuilder Add{X}Client(this IServiceCollection services, string tenant, Action&lt;TOptions&gt;? configure = null)</c>.</summary>
    public static IReadOnlyList<string> RegistrationShape(IEnumerable<Type> types)
    {
        var offenders = new List<string>();
        foreach (var m in RegistrationMethods(types))
        {
            var where = $"{m.DeclaringType!.FullName}.{m.Name}";
            var x = m.Name[3..^"Client".Length];
            if (m.DeclaringType.Name != x + "ServiceCollectionExtensions" || m.DeclaringType.Namespace != DiNamespace)
                offenders.Add($"{where}: declare it in {DiNamespace}.{x}ServiceCollectionExtensions");
            var p = m.GetParameters();
            if (!m.IsDefined(typeof(ExtensionAttribute)) || p.Length != 3 || p[0].ParameterType != typeof(IServiceCollection)
                || p[1].ParameterType != typeof(string) || p[1].Name != "tenant"
                || ConfiguredOptions(m) is null || p[2].Name != "configure" || !p[2].IsOptional || p[2].DefaultValue is not null)
                offenders.Add($"{where}: parameters must be (this IServiceCollection services, string tenant, Action<TOptions>? configure = null)");
            var builder = m.ReturnType;
            if (builder.Name != x + "ClientBuilder" || !builder.IsSealed
                || builder.GetProperty("Services")?.PropertyType != typeof(IServiceCollection)
                || builder.GetProperty("Name")?.PropertyType != typeof(string))
                offenders.Add($"{where}: must return a sealed {x}ClientBuilder with Services and Name");
            var prefix = m.DeclaringType.GetField("ConfigurationSectionPrefix", BindingFlags.Public | BindingFlags.Static);
            if (prefix is not { IsLiteral: true } || (string?)prefix.GetRawConstantValue() != $"Cobranca:{x}:")
                offenders.Add($"{where}: {m.DeclaringType.Name} needs public const string ConfigurationSectionPrefix = \"Cobranca:{x}:\"");
        }
        return offenders;
    }

    /// <summary>A package with a client has a registration for it.</summary>
    public static IReadOnlyList<string> EveryClientIsRegistered(IEnumerable<Type> types)
    {
        var list = types.ToList();
        // A registration configuring a derived options type also registers clients of the base options type (MikroTik's
        // access-controller options extend the RouterOS client options: AddMikroTikClient registers both).
        var configured = RegistrationMethods(list).Select(ConfiguredOptions).Where(t => t is not null).ToList();
        return ClientTypes(list).Where(c => !configured.Any(t => OptionsTypeOf(c)!.IsAssignableFrom(t)))
            .Select(c => $"{c.FullName}: no Add*Client(tenant, Action<{OptionsTypeOf(c)!.Name}>) registers it").ToList();
    }

    /// <summary>
    /// What a registration does: blank tenant refused; options bound from <c>Cobranca:{X}:{tenant}</c>; an
    /// <see cref="IValidateOptions{TOptions}"/> and start-time validation naming the section; keyed services only.
    /// </summary>
    public static IReadOnlyList<string> RegistrationBehaviour(IEnumerable<Type> types)
    {
        var offenders = new List<string>();
        foreach (var m in RegistrationMethods(types))
        {
            var where = $"{m.DeclaringType!.FullName}.{m.Name}";
            var options = ConfiguredOptions(m);
            if (options is null || m.GetParameters().Length != 3) continue; // RegistrationShape reports it
            var x = m.Name[3..^"Client".Length];
            try
            {
                offenders.AddRange(CheckRegistration(m, options, x).Select(o => $"{where}: {o}"));
            }
            catch (Exception ex)
            {
                offenders.Add($"{where}: registering threw {Unwrap(ex).GetType().Name}: {Unwrap(ex).Message}");
            }
        }
        return offenders;
    }

    private static List<string> CheckRegistration(MethodInfo m, Type options, string x)
    {
        var offenders = new List<string>();
        try
        {
            m.Invoke(null, [new ServiceCollection(), " ", null]);
            offenders.Add("a blank tenant was accepted");
        }
        catch (TargetInvocationException ex) when (ex.InnerException is ArgumentException)
        {
        }

        var bound = options.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(p => p.PropertyType == typeof(string) && p.CanWrite && p.SetMethod!.IsPublic && !SecretName(p.Name));
        var settings = new Dictionary<string, string?>();
        if (bound is not null) settings[$"Cobranca:{x}:{Tenant}:{bound.Name}"] = "conv-bound";
        var services = new ServiceCollection();
        services.AddOptions(); // so a registration that forgot options still resolves a monitor
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        m.Invoke(null, [services, Tenant, null]);

        var assembly = m.DeclaringType!.Assembly;
        foreach (var d in services.Where(d => d.ServiceKey is null))
        {
            if (d.ServiceType.Assembly == assembly || d.ServiceType == typeof(IBillingSystem) || d.ServiceType == typeof(IAccessController))
                offenders.Add($"unkeyed registration of {d.ServiceType.Name} (register per tenant, keyed, with no default)");
        }
        if (!services.Any(d => Equals(d.ServiceKey, Tenant) && d.ServiceType.Assembly == assembly && d.ServiceType.IsPublic))
            offenders.Add("no public service is registered keyed by the tenant");

        using var provider = services.BuildServiceProvider();
        var value = ConfigureWithoutValidating(provider, options, Tenant);
        if (bound is not null && (string?)bound.GetValue(value) != "conv-bound")
            offenders.Add($"options are not bound from Cobranca:{x}:{{tenant}} ({bound.Name} was not read from configuration)");
        if (!provider.GetServices(typeof(IValidateOptions<>).MakeGenericType(options)).Any())
            offenders.Add($"no IValidateOptions<{options.Name}> is registered");
        var startup = provider.GetService<IStartupValidator>();
        try
        {
            startup?.Validate();
            offenders.Add("invalid options did not fail at start (IValidateOptions + ValidateOnStart)");
        }
        catch (OptionsValidationException ex)
        {
            if (!ex.Failures.Any(f => f.Contains($"Cobranca:{x}:{Tenant}", StringComparison.Ordinal)))
                offenders.Add($"start-time failures do not name the section Cobranca:{x}:{Tenant}");
        }
        return offenders;
    }

    /// <summary>What <c>IOptionsFactory</c> builds for <paramref name="name"/>, minus validation (the options are invalid on purpose).</summary>
    private static object ConfigureWithoutValidating(IServiceProvider provider, Type options, string name)
    {
        var value = Activator.CreateInstance(options)!;
        foreach (var setup in provider.GetServices(typeof(IConfigureOptions<>).MakeGenericType(options)))
        {
            var named = typeof(IConfigureNamedOptions<>).MakeGenericType(options);
            if (named.IsInstanceOfType(setup)) named.GetMethod("Configure", [typeof(string), options])!.Invoke(setup, [name, value]);
            else setup!.GetType().GetMethod("Configure", [options])!.Invoke(setup, [value]);
        }
        foreach (var post in provider.GetServices(typeof(IPostConfigureOptions<>).MakeGenericType(options)))
            post!.GetType().GetMethod("PostConfigure", [typeof(string), options])!.Invoke(post, [name, value]);
        return value;
    }

    // ------------------------------------------------------------------ clients and options

    /// <summary>
    /// Sealed; <c>(TOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)</c>; no
    /// <c>ILogger&lt;T&gt;</c> constructor; no protected constructor; an <c>I{Name}</c> interface for mocking (contract
    /// implementations are mocked through the contract); invalid options are an <see cref="ArgumentException"/>.
    /// </summary>
    public static IReadOnlyList<string> ClientShape(IEnumerable<Type> types)
    {
        var offenders = new List<string>();
        foreach (var client in ClientTypes(types))
        {
            var where = client.FullName;
            var options = OptionsTypeOf(client)!;
            if (!client.IsSealed) offenders.Add($"{where}: must be sealed (mock its interface)");
            if (client.GetConstructors(BindingFlags.NonPublic | BindingFlags.Instance).Any(c => c.IsFamily || c.IsFamilyOrAssembly))
                offenders.Add($"{where}: has a protected constructor");
            var standard = client.GetConstructors().FirstOrDefault(c => c.GetParameters() is [var o, var l, var t]
                && o.ParameterType == options && o.Name == "options"
                && l.ParameterType == typeof(ILoggerFactory) && l.Name == "loggerFactory" && l.IsOptional && l.DefaultValue is null
                && t.ParameterType == typeof(TimeProvider) && t.Name == "timeProvider" && t.IsOptional && t.DefaultValue is null);
            if (standard is null)
                offenders.Add($"{where}: needs ({options.Name} options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)");
            if (client.GetConstructors().SelectMany(c => c.GetParameters()).Any(p => p.ParameterType == typeof(ILogger)
                    || (p.ParameterType.IsGenericType && p.ParameterType.GetGenericTypeDefinition() == typeof(ILogger<>))))
                offenders.Add($"{where}: a public constructor takes an ILogger (take ILoggerFactory?)");
            var contract = typeof(IBillingSystem).IsAssignableFrom(client) || typeof(IAccessController).IsAssignableFrom(client);
            if (!contract && client.GetInterface("I" + client.Name) is null)
                offenders.Add($"{where}: needs a public interface I{client.Name} for mocking");
            if (standard is not null && options.GetConstructor(Type.EmptyTypes) is { } empty)
            {
                try
                {
                    var instance = standard.Invoke([empty.Invoke(null), null, null]);
                    (instance as IDisposable)?.Dispose();
                    offenders.Add($"{where}: accepted default (empty) options");
                }
                catch (TargetInvocationException ex) when (ex.InnerException is ArgumentException and not ArgumentNullException)
                {
                }
                catch (TargetInvocationException ex)
                {
                    offenders.Add($"{where}: invalid options threw {ex.InnerException!.GetType().Name}, not ArgumentException");
                }
            }
        }
        return offenders;
    }

    /// <summary>Bindable options with the shared names: public Validate(), no services inside, BaseAddress, pins, Resilience.</summary>
    public static IReadOnlyList<string> OptionsShape(IEnumerable<Type> types)
    {
        var offenders = new List<string>();
        foreach (var options in OptionsTypes(types))
        {
            var where = options.FullName;
            var validate = options.GetMethod("Validate", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
            if (validate is null || validate.ReturnType != typeof(IReadOnlyList<string>))
                offenders.Add($"{where}: needs public IReadOnlyList<string> Validate()");
            if (options.GetConstructor(Type.EmptyTypes) is null) offenders.Add($"{where}: needs a public parameterless constructor (binding)");
            foreach (var p in options.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var t = p.PropertyType;
                if (t == typeof(TimeProvider) || t == typeof(IServiceProvider) || typeof(ILogger).IsAssignableFrom(t)
                    || t == typeof(ILoggerFactory) || typeof(Delegate).IsAssignableFrom(t))
                    offenders.Add($"{where}.{p.Name}: options carry no services, clocks or delegates (pass them to the constructor)");
                if (p.Name is "BaseUrl" or "BaseUri") offenders.Add($"{where}.{p.Name}: name the server root Uri? BaseAddress");
                if (p.Name == "BaseAddress" && t != typeof(Uri)) offenders.Add($"{where}.BaseAddress: must be Uri?");
                if ((p.Name.Contains("Pin", StringComparison.Ordinal) || p.Name.Contains("Thumbprint", StringComparison.Ordinal))
                    && (p.Name != "PinnedCertificateThumbprints" || t != typeof(IList<string>)))
                    offenders.Add($"{where}.{p.Name}: certificate pins are IList<string> PinnedCertificateThumbprints");
                if (t == typeof(ConnectorResilienceOptions) && (p.Name != "Resilience" || p.SetMethod is { IsPublic: true }))
                    offenders.Add($"{where}.{p.Name}: resilience is ConnectorResilienceOptions Resilience {{ get; }}");
            }
        }
        return offenders;
    }

    // ------------------------------------------------------------------ telemetry

    /// <summary>
    /// A <c>*Telemetry</c> class declaring the names has <c>public const string ActivitySourceName</c> and
    /// <c>MeterName</c>, both the package name; a package with a client has one.
    /// </summary>
    public static IReadOnlyList<string> TelemetryNames(IEnumerable<Type> types, string packageName)
    {
        var list = types.ToList();
        var offenders = new List<string>();
        var telemetry = list.Where(t => t is { IsAbstract: true, IsSealed: true } && t.Name.EndsWith("Telemetry", StringComparison.Ordinal)
                                        && (t.GetField("ActivitySourceName") is not null || t.GetField("MeterName") is not null)).ToList();
        if (telemetry.Count == 0 && ClientTypes(list).Any())
            offenders.Add($"{packageName}: does I/O but has no public static *Telemetry class with ActivitySourceName and MeterName");
        foreach (var t in telemetry)
        {
            foreach (var name in new[] { "ActivitySourceName", "MeterName" })
            {
                var f = t.GetField(name, BindingFlags.Public | BindingFlags.Static);
                if (f is not { IsLiteral: true } || f.FieldType != typeof(string))
                    offenders.Add($"{t.FullName}.{name}: must be a public const string");
                else if ((string?)f.GetRawConstantValue() != packageName)
                    offenders.Add($"{t.FullName}.{name}: must be \"{packageName}\" (the package name)");
            }
        }
        return offenders;
    }

    /// <summary>
    /// Building clients never creates a second <see cref="ActivitySource"/> or <see cref="Meter"/> with the package's
    /// name: the source is static and the meter is the process-wide fallback (or the host's, from DI).
    /// </summary>
    public static IReadOnlyList<string> OneSourcePerPackage(string name, Func<object> createClient)
    {
        var sources = new HashSet<ActivitySource>(ReferenceEqualityComparer.Instance);
        var meters = new HashSet<Meter>(ReferenceEqualityComparer.Instance);
        using var activities = new ActivityListener
        {
            ShouldListenTo = s =>
            {
                if (s.Name == name) lock (sources) sources.Add(s);
                return false;
            },
        };
        ActivitySource.AddActivityListener(activities);
        using var instruments = new MeterListener
        {
            InstrumentPublished = (i, _) =>
            {
                if (i.Meter.Name == name) lock (meters) meters.Add(i.Meter);
            },
        };
        instruments.Start();
        var created = new[] { createClient(), createClient() };
        foreach (var c in created) (c as IDisposable)?.Dispose();
        var offenders = new List<string>();
        if (sources.Count > 1) offenders.Add($"{name}: {sources.Count} ActivitySource instances (one static source per package)");
        if (meters.Count > 1) offenders.Add($"{name}: {meters.Count} Meter instances (IMeterFactory or one static meter per package)");
        return offenders;
    }

    // ------------------------------------------------------------------ exceptions, names, secrets

    /// <summary>Every public exception type has <c>()</c>, <c>(string)</c> and <c>(string, Exception)</c>.</summary>
    public static IReadOnlyList<string> ExceptionConstructors(IEnumerable<Type> types) =>
        types.Where(t => typeof(Exception).IsAssignableFrom(t) && !t.IsAbstract)
            .Where(t => t.GetConstructor(Type.EmptyTypes) is null || t.GetConstructor([typeof(string)]) is null
                        || t.GetConstructor([typeof(string), typeof(Exception)]) is null)
            .Select(t => $"{t.FullName}: needs the standard constructors (), (string message), (string message, Exception? innerException)")
            .ToList();

    /// <summary>The platform spells it <c>Normalize</c>.</summary>
    public static IReadOnlyList<string> NoNormalise(IEnumerable<Type> types)
    {
        var offenders = new List<string>();
        foreach (var t in types)
        {
            if (t.Name.Contains("Normalise", StringComparison.Ordinal)) offenders.Add(t.FullName!);
            offenders.AddRange(t.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m.Name.Contains("Normalise", StringComparison.Ordinal))
                .Select(m => $"{t.FullName}.{m.Name}"));
        }
        return offenders;
    }

    /// <summary>
    /// Options, credentials and secrets never print a secret: every secret-looking string property (token, secret,
    /// password, senha, key) and every credential property is set to a marker, and <c>ToString()</c> must not show it.
    /// </summary>
    public static IReadOnlyList<string> SecretsNotPrinted(IEnumerable<Type> types)
    {
        var offenders = new List<string>();
        foreach (var t in types.Where(t => t is { IsClass: true, IsAbstract: false } && t.Name.EndsWith("Options", StringComparison.Ordinal)
                                           && t.GetConstructor(Type.EmptyTypes) is not null))
        {
            var instance = Activator.CreateInstance(t)!;
            foreach (var p in t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.SetMethod!.IsPublic))
            {
                object? value = p.PropertyType == typeof(string) && SecretName(p.Name) ? Marker
                    : p.PropertyType == typeof(ConnectorCredential) ? new ConnectorCredential("user", Marker)
                    : p.PropertyType == typeof(ConnectorSecret) ? new ConnectorSecret(Marker)
                    : null;
                if (value is null) continue;
                try
                {
                    p.SetValue(instance, value);
                }
                catch (TargetInvocationException)
                {
                }
            }
            if ((instance.ToString() ?? string.Empty).Contains(Marker, StringComparison.Ordinal))
                offenders.Add($"{t.FullName}.ToString() prints a secret");
        }
        return offenders;
    }

    public static bool SecretName(string name) => SecretPattern().IsMatch(name);

    [GeneratedRegex("token|secret|password|passwd|senha|apikey|api_key", RegexOptions.IgnoreCase)]
    private static partial Regex SecretPattern();

    private static Exception Unwrap(Exception ex) => ex is TargetInvocationException { InnerException: { } inner } ? inner : ex;
}
