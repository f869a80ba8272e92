using System.Text.Json.Serialization;

namespace Cobranca.Connectors.Testing.Ixc;

[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, object>))]
internal sealed partial class SandboxJsonContext : JsonSerializerContext;
