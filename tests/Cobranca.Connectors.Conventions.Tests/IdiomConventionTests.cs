using System.Reflection;
using Cobranca.Connectors.Conventions.Tests.Fixtures;
using Cobranca.Connectors.Ixc;
using Cobranca.Connectors.MikroTik;
using Cobranca.Connectors.Pix;

namespace Cobranca.Connectors.Conventions.Tests;

/// <summary>
/// The connector idiom (docs/conventions.md) over every shipped package, and each rule shown failing on the
/// deliberately wrong types in <see cref="Fixtures"/>.
/// </summary>
public sealed class IdiomConventionTests
{
    public static TheoryData<string> Packages() => ConnectorPackages.Names();

    private static List<Type> TypesOf(string package) => ConnectorPackages.PublicTypes(ConnectorPackages.Get(package)).ToList();

    private static readonly Type[] Fixtures =
        [.. typeof(WrongClient).Assembly.GetExportedTypes().Where(t => t.Namespace == typeof(WrongClient).Namespace)];

    // ------------------------------------------------------------------ discovery

    [Fact]
    public void Every_project_under_src_is_under_the_conventions()
    {
        var found = ConnectorPackages.Assemblies.Select(a => a.GetName().Name).ToHashSet();
        Assert.Contains("Cobranca.Connectors.Ixc", found);
        Assert.Contains("Cobranca.Connectors.MikroTik", found);
        Assert.Contains("Cobranca.Connectors.Pix", found);
        if (ConnectorPackages.SourceFolder() is { } src && Directory.Exists(src))
        {
            var projects = Directory.GetDirectories(src).Select(Path.GetFileName)
                .Where(d => File.Exists(Path.Combine(src, d!, d + ".csproj")));
            Assert.All(projects, p => Assert.Contains(p, found));
        }
    }

    // ------------------------------------------------------------------ over the packages

    [Theory]
    [MemberData(nameof(Packages))]
    public void Registrations_have_the_one_shape(string package) => AssertNone(ConventionRules.RegistrationShape(TypesOf(package)));

    [Theory]
    [MemberData(nameof(Packages))]
    public void Registrations_bind_validate_on_start_and_register_keyed_only(string package) =>
        AssertNone(ConventionRules.RegistrationBehaviour(TypesOf(package)));

    [Theory]
    [MemberData(nameof(Packages))]
    public void Every_client_has_a_registration(string package) => AssertNone(ConventionRules.EveryClientIsRegistered(TypesOf(package)));

    [Theory]
    [MemberData(nameof(Packages))]
    public void Clients_have_the_one_constructor_shape_and_refuse_bad_options_with_ArgumentException(string package) =>
        AssertNone(ConventionRules.ClientShape(TypesOf(package)));

    [Theory]
    [MemberData(nameof(Packages))]
    public void Options_are_bindable_validated_and_use_the_shared_names(string package) =>
        AssertNone(ConventionRules.OptionsShape(TypesOf(package)));

    [Theory]
    [MemberData(nameof(Packages))]
    public void Telemetry_names_are_constants_named_like_the_package(string package) =>
        AssertNone(ConventionRules.TelemetryNames(TypesOf(package), package));

    [Theory]
    [MemberData(nameof(Packages))]
    public void Exceptions_have_the_standard_constructors(string package) =>
        AssertNone(ConventionRules.ExceptionConstructors(TypesOf(package)));

    [Theory]
    [MemberData(nameof(Packages))]
    public void No_public_Normalise(string package) => AssertNone(ConventionRules.NoNormalise(TypesOf(package)));

    [Theory]
    [MemberData(nameof(Packages))]
    public void Options_never_print_secrets(string package) => AssertNone(ConventionRules.SecretsNotPrinted(TypesOf(package)));

    [Fact]
    public void Credentials_never_print_secrets()
    {
        Assert.DoesNotContain(ConventionRules.Marker, new Abstractions.ConnectorSecret(ConventionRules.Marker).ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(ConventionRules.Marker, new Abstractions.ConnectorCredential("u", ConventionRules.Marker).ToString(), StringComparison.Ordinal);
    }

    public static TheoryData<string> IoClients() => ["ixc", "pix", "mikrotik"];

    [Theory]
    [MemberData(nameof(IoClients))]
    public void Clients_share_one_activity_source_and_meter_per_package(string client)
    {
        var offenders = client switch
        {
            "ixc" => ConventionRules.OneSourcePerPackage(IxcTelemetry.ActivitySourceName, () => new IxcClient(
                new IxcClientOptions { BaseAddress = new Uri("https://ixc.example.com.br"), UserId = "1", Token = "t" })),
            "pix" => ConventionRules.OneSourcePerPackage(PixTelemetry.ActivitySourceName, () => new PixClient(
                new PixClientOptions { BaseAddress = new Uri("https://pix.example.com/v2/"), TokenUrl = new Uri("https://pix.example.com/oauth/token"), ClientId = "c", ClientSecret = "s" })),
            _ => ConventionRules.OneSourcePerPackage(MikroTikTelemetry.ActivitySourceName, () => new RouterOsClient(
                new RouterOsClientOptions { Host = "192.0.2.1", User = "api" })),
        };
        AssertNone(offenders);
    }

    private static void AssertNone(IReadOnlyList<string> offenders) =>
        Assert.True(offenders.Count == 0, "Deviations from docs/conventions.md:" + Environment.NewLine + string.Join(Environment.NewLine, offenders));

    private static void AssertReports(IReadOnlyList<string> offenders, string expected) =>
        Assert.True(offenders.Any(o => o.Contains(expected, StringComparison.Ordinal)),
            $"Expected a report containing \"{expected}\"; got:{Environment.NewLine}{string.Join(Environment.NewLine, offenders)}");

    // ------------------------------------------------------------------ each rule fails on a wrong type

    [Fact]
    public void RegistrationShape_reports_the_wrong_registration()
    {
        var offenders = ConventionRules.RegistrationShape(Fixtures);
        AssertReports(offenders, "AddWrongClient: declare it in Microsoft.Extensions.DependencyInjection");
        AssertReports(offenders, "AddWrongClient: parameters must be");
        AssertReports(offenders, "AddWrongClient: must return a sealed WrongClientBuilder");
        AssertReports(offenders, "ConfigurationSectionPrefix");
    }

    [Fact]
    public void RegistrationBehaviour_reports_blank_tenants_no_binding_no_validation_and_unkeyed_defaults()
    {
        var offenders = ConventionRules.RegistrationBehaviour(Fixtures).Where(o => o.Contains("AddSloppyClient", StringComparison.Ordinal)).ToList();
        AssertReports(offenders, "a blank tenant was accepted");
        AssertReports(offenders, "unkeyed registration of WrongClient");
        AssertReports(offenders, "no public service is registered keyed");
        AssertReports(offenders, "options are not bound");
        AssertReports(offenders, "no IValidateOptions<WrongClientOptions>");
        AssertReports(offenders, "did not fail at start");
    }

    [Fact]
    public void EveryClientIsRegistered_reports_a_client_without_registration() =>
        Assert.Contains(ConventionRules.EveryClientIsRegistered(Fixtures.Where(t => t != typeof(WrongServiceCollectionExtensions))),
            o => o.Contains("WrongClient", StringComparison.Ordinal));

    [Fact]
    public void ClientShape_reports_the_wrong_client()
    {
        var offenders = ConventionRules.ClientShape(Fixtures);
        AssertReports(offenders, "WrongClient: must be sealed (mock its interface)");
        AssertReports(offenders, "WrongClient: has a protected constructor");
        AssertReports(offenders, "WrongClient: needs (WrongClientOptions options, ILoggerFactory?");
        AssertReports(offenders, "WrongClient: a public constructor takes an ILogger");
        AssertReports(offenders, "WrongClient: needs a public interface IWrongClient");
    }

    [Fact]
    public void ClientShape_reports_a_ConnectorValidationException_for_bad_options()
    {
        // The wrong client, given the standard constructor shape, still throws the wrong exception type.
        var offenders = ConventionRules.ClientShape([typeof(ValidationThrowingClient)]);
        AssertReports(offenders, "invalid options threw ConnectorValidationException, not ArgumentException");
    }

    [Fact]
    public void OptionsShape_reports_the_wrong_options()
    {
        var offenders = ConventionRules.OptionsShape(Fixtures);
        AssertReports(offenders, "WrongClientOptions: needs public IReadOnlyList<string> Validate()");
        AssertReports(offenders, "WrongClientOptions.TimeProvider: options carry no services");
        AssertReports(offenders, "WrongClientOptions.BaseUrl: name the server root");
        AssertReports(offenders, "WrongClientOptions.PinnedServerCertificates: certificate pins are");
        AssertReports(offenders, "WrongClientOptions.Retry: resilience is");
    }

    [Fact]
    public void TelemetryNames_reports_non_constant_and_misnamed_sources()
    {
        var offenders = ConventionRules.TelemetryNames(Fixtures, "Cobranca.Connectors.Conventions.Tests");
        AssertReports(offenders, "WrongTelemetry.ActivitySourceName: must be \"Cobranca.Connectors.Conventions.Tests\"");
        AssertReports(offenders, "WrongTelemetry.MeterName: must be a public const string");
        Assert.Contains(ConventionRules.TelemetryNames([typeof(WrongClient), typeof(WrongClientOptions)], "X"), o => o.Contains("has no public static *Telemetry", StringComparison.Ordinal));
    }

    [Fact]
    public void OneSourcePerPackage_reports_a_source_per_instance() =>
        Assert.NotEmpty(ConventionRules.OneSourcePerPackage(PerInstanceTelemetryClient.SourceName, () => new PerInstanceTelemetryClient()));

    [Fact]
    public void ExceptionConstructors_reports_the_wrong_exception() =>
        Assert.Contains(ConventionRules.ExceptionConstructors(Fixtures), o => o.Contains("WrongException", StringComparison.Ordinal));

    [Fact]
    public void NoNormalise_reports_the_british_spelling() =>
        Assert.Contains(ConventionRules.NoNormalise(Fixtures), o => o.EndsWith("WrongNaming.Normalise", StringComparison.Ordinal));

    [Fact]
    public void SecretsNotPrinted_reports_options_that_print_their_token() =>
        Assert.Contains(ConventionRules.SecretsNotPrinted(Fixtures), o => o.Contains("WrongClientOptions.ToString() prints a secret", StringComparison.Ordinal));
}
