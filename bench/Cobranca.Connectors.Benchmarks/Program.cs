using BenchmarkDotNet.Running;
using Cobranca.Connectors.Benchmarks;

// The IXC benchmarks start this executable a second time as the sandbox server (see IxcSandboxProcess).
if (args is [IxcSandboxProcess.ServerFlag, ..])
{
    await IxcSandboxProcess.ServeAsync(args);
    return;
}

// The dunning scale harness (issue 19): a whole run measured once per process, see DunningScaleHarness.
if (args is [DunningScaleHarness.Flag, ..])
{
    await DunningScaleHarness.RunAsync(args);
    return;
}

// The store harnesses (issues 12 and 19): a dunning run on a durable ledger, and a 1,000-payment burst.
if (args is [StoreHarness.DunningFlag or StoreHarness.BurstFlag, ..])
{
    await StoreHarness.RunAsync(args);
    return;
}

// Run all suites: dotnet run -c Release --project bench/Cobranca.Connectors.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(IxcSandboxProcess).Assembly).Run(args);
