using BenchmarkDotNet.Running;
using Cobranca.Connectors.Benchmarks;

// The IXC benchmarks start this executable a second time as the sandbox server (see IxcSandboxProcess).
if (args is [IxcSandboxProcess.ServerFlag, ..])
{
    await IxcSandboxProcess.ServeAsync(args);
    return;
}

// Run all suites: dotnet run -c Release --project bench/Cobranca.Connectors.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(IxcSandboxProcess).Assembly).Run(args);
