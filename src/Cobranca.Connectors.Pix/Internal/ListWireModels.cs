namespace Cobranca.Connectors.Pix.Internal;

/// <summary><c>GET /cobv</c> (<c>CobsVConsultadas</c>): <c>{parametros, cobs}</c>.</summary>
internal sealed class CobVListDto
{
    public ParametrosDto? Parametros { get; set; }
    public List<CobResponseDto>? Cobs { get; set; }
}

/// <summary><c>GET /locrec</c> (<c>PayloadLocationRecConsultadas</c>): <c>{parametros, loc}</c>.</summary>
internal sealed class RecLocListDto
{
    public ParametrosDto? Parametros { get; set; }
    public List<RecLocDto>? Loc { get; set; }
}
