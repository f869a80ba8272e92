using System.Reflection;

namespace Cobranca.Connectors.Conventions.Tests;

/// <summary>The shipped packages under test: every <c>Cobranca.Connectors.*</c> assembly next to the tests, except test projects.</summary>
internal static class ConnectorPackages
{
    private static readonly Lazy<IReadOnlyList<Assembly>> All = new(Discover, LazyThreadSafetyMode.ExecutionAndPublication);

    public static IReadOnlyList<Assembly> Assemblies => All.Value;

    public static Assembly Get(string name) => Assemblies.Single(a => a.GetName().Name == name);

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var a in Assemblies) data.Add(a.GetName().Name!);
        return data;
    }

    /// <summary>Exported types, without compiler-generated ones.</summary>
    public static IEnumerable<Type> PublicTypes(Assembly assembly) =>
        assembly.GetExportedTypes().Where(t => !t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)));

    /// <summary>The repository's src/ folder, found by walking up from the test output (null outside a checkout).</summary>
    public static string? SourceFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cobranca.Connectors.sln"))) return Path.Combine(dir.FullName, "src");
        }
        return null;
    }

    private static IReadOnlyList<Assembly> Discover() =>
        Directory.GetFiles(AppContext.BaseDirectory, "Cobranca.Connectors.*.dll")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(n => n is not null && !n.EndsWith(".Tests", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => Assembly.Load(new AssemblyName(n!)))
            .ToList();
}
