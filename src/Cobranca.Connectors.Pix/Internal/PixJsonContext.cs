using System.Text.Json.Serialization;

namespace Cobranca.Connectors.Pix.Internal;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    Converters = [typeof(PixAmountConverter)])]
[JsonSerializable(typeof(CobRequestDto))]
[JsonSerializable(typeof(CobResponseDto))]
[JsonSerializable(typeof(PixDto))]
[JsonSerializable(typeof(PixListDto))]
[JsonSerializable(typeof(WebhookCallbackDto))]
[JsonSerializable(typeof(DevolucaoRequestDto))]
[JsonSerializable(typeof(DevolucaoDto))]
[JsonSerializable(typeof(WebhookDto))]
[JsonSerializable(typeof(ProblemaDto))]
internal sealed partial class PixJsonContext : JsonSerializerContext;
