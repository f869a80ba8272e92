using System.Reflection;
using System.Runtime.CompilerServices;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Conventions.Tests;

/// <summary>Reflection checks of the SDK's public API rules (after Octokit's convention tests).</summary>
public sealed class PublicApiConventionTests
{
    private static readonly string[] ForbiddenNamespaces = ["Refit", "Polly", "Spectre", "Microsoft.AspNetCore"];

    // Every shipped Cobranca.Connectors.* assembly (SGP, MK-Auth, stores... are included as soon as their project exists).
    public static TheoryData<string> Packages() => ConnectorPackages.Names();

    private static IEnumerable<Type> PublicTypes(string assembly) =>
        Assembly.Load(assembly).GetExportedTypes().Where(t => !t.IsDefined(typeof(CompilerGeneratedAttribute)));

    private static IEnumerable<MethodInfo> PublicMethods(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName);

    [Theory]
    [MemberData(nameof(Packages))]
    public void Every_public_async_method_takes_an_optional_cancellation_token_last(string assembly)
    {
        var offenders = new List<string>();
        foreach (var type in PublicTypes(assembly))
        {
            foreach (var method in PublicMethods(type).Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal) && m.Name != "DisposeAsync"))
            {
                var last = method.GetParameters().LastOrDefault();
                if (last is null || last.ParameterType != typeof(CancellationToken) || !last.IsOptional || last.Name != "cancellationToken")
                    offenders.Add($"{type.FullName}.{method.Name}");
            }
        }
        Assert.Empty(offenders);
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void No_public_signature_exposes_a_dependency_type(string assembly)
    {
        // Testing hosts Kestrel internally; it must not leak ASP.NET types either.
        var offenders = new List<string>();
        foreach (var type in PublicTypes(assembly))
        {
            var members = type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly);
            foreach (var member in members)
            {
                foreach (var used in TypesIn(member))
                {
                    var ns = used.Namespace ?? string.Empty;
                    if (ForbiddenNamespaces.Any(f => ns == f || ns.StartsWith(f + ".", StringComparison.Ordinal)))
                        offenders.Add($"{type.FullName}.{member.Name} uses {used.FullName}");
                }
            }
        }
        Assert.Empty(offenders);
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void Every_public_exception_derives_from_ConnectorException(string assembly)
    {
        var offenders = PublicTypes(assembly)
            .Where(t => typeof(Exception).IsAssignableFrom(t) && !typeof(ConnectorException).IsAssignableFrom(t))
            .Where(t => !typeof(FormatException).IsAssignableFrom(t)) // codecs raise FormatException subtypes for bad input
            .Where(t => t.FullName != "Cobranca.Connectors.Testing.Conformance.ConformanceException") // a test verdict (like an assertion failure), not a connector error
            .Where(t => !typeof(OperationCanceledException).IsAssignableFrom(t)) // caller cancellation stays an OperationCanceledException (BatchCanceledException adds the partial result)
            .Where(t => t.FullName != "Cobranca.Connectors.Testing.Conformance.ConformanceException") // the kit's failed-check assertion, not a connector error
            .Select(t => t.FullName!)
            .ToList();
        Assert.Empty(offenders);
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void Package_name_is_the_root_namespace(string assembly)
    {
        var offenders = PublicTypes(assembly)
            .Where(t => t.Namespace != assembly && !(t.Namespace ?? string.Empty).StartsWith(assembly + ".", StringComparison.Ordinal)
                        && t.Namespace != "Microsoft.Extensions.DependencyInjection")
            .Select(t => t.FullName!)
            .ToList();
        Assert.Empty(offenders);
    }

    private static IEnumerable<Type> TypesIn(MemberInfo member)
    {
        IEnumerable<Type> direct = member switch
        {
            MethodInfo m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType),
            ConstructorInfo c => c.GetParameters().Select(p => p.ParameterType),
            PropertyInfo p => [p.PropertyType],
            FieldInfo f => [f.FieldType],
            EventInfo e when e.EventHandlerType is not null => [e.EventHandlerType],
            _ => [],
        };
        return direct.SelectMany(Expand);
    }

    private static IEnumerable<Type> Expand(Type type)
    {
        if (type.HasElementType) return Expand(type.GetElementType()!);
        if (type.IsGenericType) return type.GetGenericArguments().SelectMany(Expand).Append(type.GetGenericTypeDefinition());
        return [type];
    }
}
