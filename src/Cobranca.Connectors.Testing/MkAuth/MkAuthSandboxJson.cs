using System.Text.Json.Serialization;

namespace Cobranca.Connectors.Testing.MkAuth;

[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class MkAuthSandboxJson : JsonSerializerContext;
