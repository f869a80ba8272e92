using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cobranca.Connectors.Pix.Internal;

// Wire shapes of the BACEN API Pix 2.x (names follow the spec; camelCase naming policy on the context).
// Readers are tolerant: every field is optional here and unknown fields land in Extra.

internal sealed class CalendarioDto
{
    public DateTimeOffset? Criacao { get; set; }
    public int? Expiracao { get; set; }
    public DateOnly? DataDeVencimento { get; set; }
    public int? ValidadeAposVencimento { get; set; }
}

internal sealed class PessoaDto
{
    public string? Cpf { get; set; }
    public string? Cnpj { get; set; }
    public string? Nome { get; set; }
    public string? Email { get; set; }
    public string? Logradouro { get; set; }
    public string? Cidade { get; set; }
    public string? Uf { get; set; }
    public string? Cep { get; set; }
}

internal sealed class ModalidadeDto
{
    public int Modalidade { get; set; }
    public decimal? ValorPerc { get; set; }
    public List<DescontoDataFixaDto>? DescontoDataFixa { get; set; }
}

internal sealed class DescontoDataFixaDto
{
    public DateOnly Data { get; set; }
    public decimal ValorPerc { get; set; }
}

internal sealed class ValorDto
{
    public decimal? Original { get; set; }
    public int? ModalidadeAlteracao { get; set; }
    public ModalidadeDto? Multa { get; set; }
    public ModalidadeDto? Juros { get; set; }
    public ModalidadeDto? Abatimento { get; set; }
    public ModalidadeDto? Desconto { get; set; }
}

internal sealed class InfoAdicionalDto
{
    public string? Nome { get; set; }
    public string? Valor { get; set; }
}

internal sealed class LocDto
{
    public long? Id { get; set; }
    public string? Location { get; set; }
    public string? TipoCob { get; set; }
}

/// <summary>Request body for PUT/POST/PATCH cob and cobv.</summary>
internal sealed class CobRequestDto
{
    public CalendarioDto? Calendario { get; set; }
    public PessoaDto? Devedor { get; set; }
    public ValorDto? Valor { get; set; }
    public string? Chave { get; set; }
    public string? SolicitacaoPagador { get; set; }
    public List<InfoAdicionalDto>? InfoAdicionais { get; set; }
    public string? Status { get; set; }
}

internal sealed class CobResponseDto
{
    public CalendarioDto? Calendario { get; set; }
    public string? Txid { get; set; }
    public int? Revisao { get; set; }
    public LocDto? Loc { get; set; }
    public string? Location { get; set; }
    public PixChargeStatus? Status { get; set; }
    public PessoaDto? Devedor { get; set; }
    public ValorDto? Valor { get; set; }
    public string? Chave { get; set; }
    public string? SolicitacaoPagador { get; set; }
    public string? PixCopiaECola { get; set; }
    public List<PixDto>? Pix { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

internal sealed class ComponenteDto
{
    public decimal? Valor { get; set; }
}

internal sealed class ComponentesValorDto
{
    public ComponenteDto? Original { get; set; }
    public ComponenteDto? Multa { get; set; }
    public ComponenteDto? Juros { get; set; }
    public ComponenteDto? Desconto { get; set; }
    public ComponenteDto? Abatimento { get; set; }
}

internal sealed class HorarioDevolucaoDto
{
    public DateTimeOffset? Solicitacao { get; set; }
    public DateTimeOffset? Liquidacao { get; set; }
}

internal sealed class DevolucaoDto
{
    public string? Id { get; set; }
    public string? RtrId { get; set; }
    public decimal? Valor { get; set; }
    public string? Natureza { get; set; }
    public string? Descricao { get; set; }
    public HorarioDevolucaoDto? Horario { get; set; }
    public PixRefundStatus? Status { get; set; }
    public string? Motivo { get; set; }
}

internal sealed class PixDto
{
    public string? EndToEndId { get; set; }
    public string? Txid { get; set; }
    public decimal? Valor { get; set; }
    public DateTimeOffset? Horario { get; set; }
    public string? Chave { get; set; }
    public string? InfoPagador { get; set; }
    public PessoaDto? Pagador { get; set; }
    public ComponentesValorDto? ComponentesValor { get; set; }

    // The spec's own example sends an object where the schema says array: accept both.
    [JsonConverter(typeof(SingleOrArrayConverter<DevolucaoDto>))]
    public List<DevolucaoDto>? Devolucoes { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

internal sealed class PaginacaoDto
{
    public int PaginaAtual { get; set; }
    public int ItensPorPagina { get; set; }
    public int QuantidadeDePaginas { get; set; }
    public int QuantidadeTotalDeItens { get; set; }
}

internal sealed class ParametrosDto
{
    public DateTimeOffset? Inicio { get; set; }
    public DateTimeOffset? Fim { get; set; }
    public PaginacaoDto? Paginacao { get; set; }
}

internal sealed class PixListDto
{
    public ParametrosDto? Parametros { get; set; }
    public List<PixDto>? Pix { get; set; }
}

/// <summary>
/// A webhook body. Only the ids are read: everything else comes from the PSP re-query, so an odd amount or date
/// format in a callback cannot make a real payment unreadable.
/// </summary>
internal sealed class WebhookCallbackDto
{
    public List<WebhookItemDto>? Pix { get; set; }
}

internal sealed class WebhookItemDto
{
    public string? EndToEndId { get; set; }
    public string? Txid { get; set; }
}

internal sealed class DevolucaoRequestDto
{
    public decimal Valor { get; set; }
    public string? Natureza { get; set; }
    public string? Descricao { get; set; }
}

internal sealed class WebhookDto
{
    public string? WebhookUrl { get; set; }
    public string? Chave { get; set; }
    public DateTimeOffset? Criacao { get; set; }
}

internal sealed class ViolacaoDto
{
    public string? Razao { get; set; }
    public string? Propriedade { get; set; }
    public string? Valor { get; set; }
}

/// <summary>RFC 7807 <c>Problema</c>, plus the <c>nome</c>/<c>mensagem</c> shape some PSPs use instead.</summary>
internal sealed class ProblemaDto
{
    public string? Type { get; set; }
    public string? Title { get; set; }
    public int? Status { get; set; }
    public string? Detail { get; set; }
    public string? CorrelationId { get; set; }
    public List<ViolacaoDto>? Violacoes { get; set; }
    public string? Nome { get; set; }
    public string? Mensagem { get; set; }
}
