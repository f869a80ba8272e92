using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Cobranca.Connectors.Abstractions.Tests")]
