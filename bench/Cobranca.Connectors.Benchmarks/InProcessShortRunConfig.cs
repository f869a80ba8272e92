using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Cobranca.Connectors.Benchmarks;

/// <summary>
/// A short job run inside the benchmark process (1 warm-up, 3 iterations, 1 invocation each): no generated project to
/// build, which matters on a shared build machine. The benchmarks using it start their simulator in-process anyway.
/// </summary>
public sealed class InProcessShortRunConfig : ManualConfig
{
    /// <summary>Creates the config.</summary>
    public InProcessShortRunConfig() =>
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3).WithInvocationCount(1).WithUnrollFactor(1)
            .WithId("InProcessShort"));
}
