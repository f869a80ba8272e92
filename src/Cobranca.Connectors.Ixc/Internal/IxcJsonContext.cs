using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cobranca.Connectors.Ixc.Internal;

/// <summary>Source-generated JSON for what the SDK writes to IXC (replies are read with <see cref="JsonDocument"/>).</summary>
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(IxcListRequest))]
[JsonSerializable(typeof(IReadOnlyList<IxcGridFilter>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class IxcJsonContext : JsonSerializerContext
{
    /// <summary>
    /// Writes <c>&gt;=</c>, quotes and accents as they are (IXC's own samples do) instead of <c>\u003E</c> escapes, which
    /// matters most inside <c>grid_param</c>, a JSON document nested in a JSON string. Bodies are never embedded in HTML.
    /// </summary>
    public static IxcJsonContext Wire { get; } = new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
