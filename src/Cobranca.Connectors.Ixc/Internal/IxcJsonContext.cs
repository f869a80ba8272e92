using System.Text.Json.Serialization;

namespace Cobranca.Connectors.Ixc.Internal;

/// <summary>Source-generated JSON for what the SDK writes to IXC (replies are read with <see cref="System.Text.Json.JsonDocument"/>).</summary>
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(IxcListRequest))]
[JsonSerializable(typeof(IReadOnlyList<IxcGridFilter>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class IxcJsonContext : JsonSerializerContext;
