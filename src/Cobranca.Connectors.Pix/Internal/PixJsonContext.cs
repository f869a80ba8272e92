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
[JsonSerializable(typeof(RecRequestDto))]
[JsonSerializable(typeof(RecDto))]
[JsonSerializable(typeof(RecListDto))]
[JsonSerializable(typeof(RecLocDto))]
[JsonSerializable(typeof(SolicRecDto))]
[JsonSerializable(typeof(CobRDto))]
[JsonSerializable(typeof(CobRListDto))]
[JsonSerializable(typeof(StatusOnlyDto))]
[JsonSerializable(typeof(RecurrenceCallbackDto))]
[JsonSerializable(typeof(LoteCobVDto))]
[JsonSerializable(typeof(LoteCobVListDto))]
[JsonSerializable(typeof(LoteCobVRequestDto))]
[JsonSerializable(typeof(CobVListDto))]
[JsonSerializable(typeof(RecLocListDto))]
internal sealed partial class PixJsonContext : JsonSerializerContext;
