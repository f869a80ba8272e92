using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cobranca.Connectors.Pix.Internal;

// Wire shapes of the Pix Automático resources (rec, solicrec, locrec, cobr, webhookrec/cobr) and lotecobv, BACEN API
// Pix 2.9.0. Enum values and dates stay strings here (tolerant reading: the spec's own examples carry an invalid date
// and a misspelt enum value); the mapper classifies them.

internal sealed class RecDevedorDto
{
    public string? Cpf { get; set; }
    public string? Cnpj { get; set; }
    public string? Nome { get; set; }
}

internal sealed class RecVinculoDto
{
    public string? Contrato { get; set; }
    public RecDevedorDto? Devedor { get; set; }
    public string? Objeto { get; set; }
}

internal sealed class RecCalendarioDto
{
    public string? DataInicial { get; set; }
    public string? DataFinal { get; set; }
    public string? Periodicidade { get; set; }
}

internal sealed class RecValorDto
{
    public decimal? ValorRec { get; set; }
    public decimal? ValorMinimoRecebedor { get; set; }
}

internal sealed class RecDadosJornadaDto
{
    public string? TipoJornada { get; set; }
    public string? Txid { get; set; }
}

internal sealed class RecAtivacaoDto
{
    public string? TipoJornada { get; set; }
    public RecDadosJornadaDto? DadosJornada { get; set; }
}

internal sealed class RecLocDto
{
    public long? Id { get; set; }
    public string? Location { get; set; }
    public DateTimeOffset? Criacao { get; set; }
    public string? IdRec { get; set; }
}

internal sealed class RecRecebedorDto
{
    public string? Cnpj { get; set; }
    public string? Nome { get; set; }
    public string? Convenio { get; set; }
    public string? Agencia { get; set; }
    public string? Conta { get; set; }
    public string? TipoConta { get; set; }
}

internal sealed class RecPagadorDto
{
    public string? Cpf { get; set; }
    public string? Cnpj { get; set; }
    public string? IspbParticipante { get; set; }
    public string? CodMun { get; set; }
}

internal sealed class CodigoDescricaoDto
{
    public string? Solicitante { get; set; }
    public string? Codigo { get; set; }
    public string? Descricao { get; set; }
}

internal sealed class EncerramentoDto
{
    public CodigoDescricaoDto? Cancelamento { get; set; }
    public CodigoDescricaoDto? Rejeicao { get; set; }
}

internal sealed class AtualizacaoDto
{
    public string? Status { get; set; }
    public string? Nome { get; set; }
    public DateTimeOffset? Data { get; set; }
}

internal sealed class DadosQrDto
{
    public string? Jornada { get; set; }
    public string? PixCopiaECola { get; set; }
}

internal sealed class RecRequestDto
{
    public RecVinculoDto? Vinculo { get; set; }
    public RecCalendarioDto? Calendario { get; set; }
    public RecValorDto? Valor { get; set; }
    public string? PoliticaRetentativa { get; set; }
    public long? Loc { get; set; }
    public RecAtivacaoDto? Ativacao { get; set; }
    public RecRecebedorDto? Recebedor { get; set; }
    public string? Status { get; set; }
}

internal sealed class RecDto
{
    public string? IdRec { get; set; }
    public RecVinculoDto? Vinculo { get; set; }
    public RecCalendarioDto? Calendario { get; set; }
    public RecValorDto? Valor { get; set; }
    public string? PoliticaRetentativa { get; set; }
    public RecRecebedorDto? Recebedor { get; set; }
    public RecPagadorDto? Pagador { get; set; }
    public string? Status { get; set; }
    public RecLocDto? Loc { get; set; }
    public RecAtivacaoDto? Ativacao { get; set; }
    public EncerramentoDto? Encerramento { get; set; }
    public List<AtualizacaoDto>? Atualizacao { get; set; }
    public DadosQrDto? DadosQR { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

internal sealed class RecListDto
{
    public ParametrosDto? Parametros { get; set; }
    public List<RecDto>? Recs { get; set; }
}

internal sealed class SolicRecDestinatarioDto
{
    public string? Agencia { get; set; }
    public string? Conta { get; set; }
    public string? Cpf { get; set; }
    public string? Cnpj { get; set; }
    public string? IspbParticipante { get; set; }
}

internal sealed class SolicRecCalendarioDto
{
    public DateTimeOffset? DataExpiracaoSolicitacao { get; set; }
}

internal sealed class SolicRecDto
{
    public string? IdSolicRec { get; set; }
    public string? IdRec { get; set; }
    public SolicRecCalendarioDto? Calendario { get; set; }
    public SolicRecDestinatarioDto? Destinatario { get; set; }
    public string? Status { get; set; }
    public List<AtualizacaoDto>? Atualizacao { get; set; }
}

internal sealed class CobRCalendarioDto
{
    public string? Criacao { get; set; }
    public string? DataDeVencimento { get; set; }
}

internal sealed class CobRValorDto
{
    public decimal? Original { get; set; }
}

internal sealed class TentativaDto
{
    public string? DataLiquidacao { get; set; }
    public string? Tipo { get; set; }
    public string? Status { get; set; }
    public string? EndToEndId { get; set; }
    public CodigoDescricaoDto? Rejeicao { get; set; }
    public List<AtualizacaoDto>? Atualizacao { get; set; }
}

internal sealed class CobRDto
{
    public string? IdRec { get; set; }
    public string? Txid { get; set; }
    public string? InfoAdicional { get; set; }
    public CobRCalendarioDto? Calendario { get; set; }
    public CobRValorDto? Valor { get; set; }
    public string? Status { get; set; }
    public string? PoliticaRetentativa { get; set; }
    public bool? AjusteDiaUtil { get; set; }
    public PessoaDto? Devedor { get; set; }
    public RecRecebedorDto? Recebedor { get; set; }
    public List<TentativaDto>? Tentativas { get; set; }
    public EncerramentoDto? Encerramento { get; set; }
    public List<AtualizacaoDto>? Atualizacao { get; set; }
    public List<PixDto>? Pix { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

internal sealed class CobRListDto
{
    public ParametrosDto? Parametros { get; set; }
    public List<CobRDto>? Cobsr { get; set; }
}

internal sealed class StatusOnlyDto
{
    public string? Status { get; set; }
}

/// <summary>A rec/cobr webhook body: only the ids are read, the rest comes from the re-query.</summary>
internal sealed class RecurrenceCallbackDto
{
    public List<RecurrenceCallbackItemDto>? Recs { get; set; }
    public List<RecurrenceCallbackItemDto>? Cobsr { get; set; }
}

internal sealed class RecurrenceCallbackItemDto
{
    public string? IdRec { get; set; }
    public string? Txid { get; set; }
    public string? Status { get; set; }
}

internal sealed class LoteCobVItemDto
{
    public string? Txid { get; set; }
    public string? Status { get; set; }
    public DateTimeOffset? Criacao { get; set; }
    public ProblemaDto? Problema { get; set; }
}

internal sealed class LoteCobVDto
{
    public JsonElement? Id { get; set; }
    public string? Descricao { get; set; }
    public DateTimeOffset? Criacao { get; set; }
    public List<LoteCobVItemDto>? Cobsv { get; set; }
}

internal sealed class LoteCobVListDto
{
    public ParametrosDto? Parametros { get; set; }
    public List<LoteCobVDto>? Lotes { get; set; }
}

internal sealed class LoteCobVRequestItemDto
{
    public string? Txid { get; set; }
    public CalendarioDto? Calendario { get; set; }
    public PessoaDto? Devedor { get; set; }
    public ValorDto? Valor { get; set; }
    public string? Chave { get; set; }
    public string? SolicitacaoPagador { get; set; }
    public List<InfoAdicionalDto>? InfoAdicionais { get; set; }
}

internal sealed class LoteCobVRequestDto
{
    public string? Descricao { get; set; }
    public List<LoteCobVRequestItemDto>? Cobsv { get; set; }
}
