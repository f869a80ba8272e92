using System.Diagnostics;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing;
using Cobranca.Connectors.Testing.Ixc;

namespace Cobranca.Connectors.Benchmarks;

/// <summary>
/// Runs an <see cref="IxcSandbox"/> in a child process, so the benchmark process measures only the client:
/// BenchmarkDotNet's allocation figures are process-wide, and an in-process sandbox (Kestrel, JSON writing, a 100k-row
/// store) would dominate both the allocations and the peak memory. The child is this same assembly started with
/// <see cref="ServerFlag"/>; it prints one READY line and runs until its standard input closes.
/// </summary>
public sealed class IxcSandboxProcess : IDisposable
{
    /// <summary>First argument that turns this executable into the sandbox server.</summary>
    public const string ServerFlag = "--ixc-sandbox-server";

    private readonly Process _process;

    private IxcSandboxProcess(Process process, Uri baseUrl, string userId, string token, int openInvoices)
    {
        _process = process;
        BaseUrl = baseUrl;
        UserId = userId;
        Token = token;
        OpenInvoices = openInvoices;
    }

    /// <summary>The sandbox root URL.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Webservice user id.</summary>
    public string UserId { get; }

    /// <summary>Webservice token.</summary>
    public string Token { get; }

    /// <summary>Open (status A, liberado S) invoices served.</summary>
    public int OpenInvoices { get; }

    /// <summary>
    /// Starts the child. <paramref name="generatedCustomers"/> &gt; 0 serves an <see cref="IspDataGenerator"/> ISP of that
    /// size (Data option); otherwise the built-in seed with <paramref name="seedCustomers"/> generated customers.
    /// </summary>
    public static IxcSandboxProcess Start(int generatedCustomers, int seedCustomers = 30)
    {
        // Run this assembly with the entry assembly's runtimeconfig and deps (works from BenchmarkDotNet's generated host too).
        var entry = System.Reflection.Assembly.GetEntryAssembly()!.Location;
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "exec", "--runtimeconfig", Path.ChangeExtension(entry, ".runtimeconfig.json"), "--depsfile", Path.ChangeExtension(entry, ".deps.json"),
                     typeof(IxcSandboxProcess).Assembly.Location, ServerFlag,
                     generatedCustomers.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     seedCustomers.ToString(System.Globalization.CultureInfo.InvariantCulture),
                 })
            info.ArgumentList.Add(arg);
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the sandbox process.");
        while (process.StandardOutput.ReadLine() is { } line)
        {
            if (!line.StartsWith("READY ", StringComparison.Ordinal)) continue;
            var parts = line.Split(' ');
            return new IxcSandboxProcess(process, new Uri(parts[1]), parts[2], parts[3], int.Parse(parts[4], System.Globalization.CultureInfo.InvariantCulture));
        }
        throw new InvalidOperationException("The sandbox process exited before it was ready.");
    }

    /// <summary>The child's main: start the sandbox, print READY, serve until stdin closes.</summary>
    public static async Task ServeAsync(string[] args)
    {
        var generated = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
        var seedCustomers = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
        var options = new IxcSandboxOptions { GeneratedCustomers = seedCustomers };
        var open = -1;
        if (generated > 0)
        {
            var data = IspDataGenerator.Generate(new IspDataGeneratorOptions { CustomerCount = generated, Today = BrazilTime.Today(TimeProvider.System) });
            options.Data = data;
            open = data.Invoices.Count(i => i.Status is InvoiceStatus.Open or InvoiceStatus.PartiallyPaid);
        }
        await using var sandbox = await IxcSandbox.StartAsync(options);
        // The request log would grow without bound over millions of benchmark calls.
        using var trim = new Timer(_ => sandbox.ClearRequests(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        Console.WriteLine($"READY {sandbox.BaseUrl} {sandbox.UserId} {sandbox.Token} {open}");
        await Task.Run(() => { while (Console.In.ReadLine() is not null) { } });
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(10_000)) _process.Kill(entireProcessTree: true);
        }
        finally
        {
            _process.Dispose();
        }
    }
}
