using Cobranca.Connectors.Testing;

namespace Cobranca.Cli.Demo;

/// <summary>
/// Where the demo runs: the in-memory fakes today; the IXC sandbox, the RouterOS emulator and the Pix sandbox plug in
/// here as further backends (register them in <see cref="DemoCommand.Backends"/>).
/// </summary>
public interface IDemoBackend
{
    /// <summary>The value of <c>--backend</c>.</summary>
    string Name { get; }

    /// <summary>One line for <c>--help</c> and the demo header.</summary>
    string Description { get; }

    /// <summary>Starts the backend seeded with <paramref name="data"/> and returns the connectors to drive.</summary>
    /// <param name="data">The generated ISP.</param>
    /// <param name="timeProvider">The clock the backend must use.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    Task<DemoSession> StartAsync(IspDataSet data, TimeProvider timeProvider, CancellationToken cancellationToken);
}
