namespace Cobranca.Cli.Demo;

/// <summary>One step of the demo. Steps run in order and share a <see cref="DemoContext"/>.</summary>
public interface IDemoStep
{
    /// <summary>Heading printed before the step.</summary>
    string Title { get; }

    /// <summary>Runs the step: drives the connectors, renders (unless JSON) and records its part of the report.</summary>
    /// <param name="context">Shared state.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>False when what the connectors returned is not what the step expected (the step has said why on stderr).</returns>
    Task<bool> RunAsync(DemoContext context, CancellationToken cancellationToken);
}
