namespace Cobranca.Connectors.Testing.Conformance;

/// <summary>A check and the code that runs it.</summary>
internal readonly record struct ConformanceEntry(ConformanceCheck Check, Func<ConformanceContext, Task> Run);
