using System.Globalization;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Pix.Internal;

/// <summary>Public Pix Automático models ⇄ wire DTOs. Reading is tolerant: unknown codes and unreadable dates are kept raw.</summary>
internal static class PixRecurrenceMapper
{
    public static RecRequestDto ToDto(PixRecurrenceRequest r) => new()
    {
        Vinculo = new RecVinculoDto
        {
            Contrato = r.Contract,
            Objeto = r.Description,
            Devedor = new RecDevedorDto
            {
                Cpf = r.Debtor.Kind == DocumentKind.Cpf ? r.Debtor.Value : null,
                Cnpj = r.Debtor.Kind == DocumentKind.Cnpj ? r.Debtor.Value : null,
                Nome = r.DebtorName,
            },
        },
        Calendario = new RecCalendarioDto
        {
            DataInicial = Date(r.StartDate),
            DataFinal = r.EndDate is { } end ? Date(end) : null,
            Periodicidade = PixRecurrenceCodes.Code(r.Periodicity),
        },
        Valor = r.FixedAmount is null && r.MinimumAmount is null ? null
            : new RecValorDto { ValorRec = r.FixedAmount, ValorMinimoRecebedor = r.MinimumAmount },
        PoliticaRetentativa = PixRecurrenceCodes.Code(r.RetryPolicy),
        Loc = r.LocationId,
        Ativacao = r.JourneyTxid is null ? null : new RecAtivacaoDto { DadosJornada = new RecDadosJornadaDto { Txid = r.JourneyTxid } },
        Recebedor = r.Agreement is null ? null : new RecRecebedorDto { Convenio = r.Agreement },
    };

    public static RecRequestDto ToDto(PixRecurrenceUpdate u) => new()
    {
        Loc = u.LocationId,
        Vinculo = u.DebtorName is null ? null : new RecVinculoDto { Devedor = new RecDevedorDto { Nome = u.DebtorName } },
        Calendario = u.StartDate is { } start ? new RecCalendarioDto { DataInicial = Date(start) } : null,
        Ativacao = u.JourneyTxid is null ? null : new RecAtivacaoDto { DadosJornada = new RecDadosJornadaDto { Txid = u.JourneyTxid } },
    };

    public static CobRDto ToDto(PixRecurringChargeRequest r) => new()
    {
        IdRec = r.RecurrenceId,
        InfoAdicional = r.Information,
        Calendario = new CobRCalendarioDto { DataDeVencimento = Date(r.DueDate) },
        Valor = new CobRValorDto { Original = r.Amount },
        AjusteDiaUtil = r.AdjustToBusinessDay,
        Recebedor = new RecRecebedorDto { Conta = r.ReceiverAccount, TipoConta = r.ReceiverAccountType, Agencia = r.ReceiverBranch },
    };

    public static PixRecurrence FromDto(RecDto d, string fallbackId)
    {
        var end = d.Encerramento?.Cancelamento ?? d.Encerramento?.Rejeicao;
        var journeyCode = d.Ativacao?.TipoJornada ?? d.Ativacao?.DadosJornada?.TipoJornada;
        var doc = d.Vinculo?.Devedor;
        return new PixRecurrence
        {
            Id = d.IdRec ?? fallbackId,
            Status = PixRecurrenceCodes.ToRecStatus(d.Status),
            StatusCode = d.Status,
            Contract = d.Vinculo?.Contrato,
            Description = d.Vinculo?.Objeto,
            Debtor = Document.TryParse(doc?.Cpf ?? doc?.Cnpj, out var parsed) ? parsed : null,
            DebtorName = doc?.Nome,
            StartDate = ParseDate(d.Calendario?.DataInicial),
            EndDate = ParseDate(d.Calendario?.DataFinal),
            Periodicity = PixRecurrenceCodes.ToPeriodicity(d.Calendario?.Periodicidade),
            FixedAmount = d.Valor?.ValorRec,
            MinimumAmount = d.Valor?.ValorMinimoRecebedor,
            RetryPolicy = PixRecurrenceCodes.ToRetryPolicy(d.PoliticaRetentativa),
            LocationId = d.Loc?.Id,
            Location = d.Loc?.Location,
            Journey = PixRecurrenceCodes.ToJourney(journeyCode),
            JourneyTxid = d.Ativacao?.DadosJornada?.Txid,
            QrCode = d.DadosQR?.PixCopiaECola,
            QrJourney = PixRecurrenceCodes.ToJourney(d.DadosQR?.Jornada),
            CancelledBy = d.Encerramento?.Cancelamento?.Solicitante,
            EndCode = end?.Codigo,
            PayerIspb = d.Pagador?.IspbParticipante,
        };
    }

    public static PixRecurrenceLocation FromDto(RecLocDto d) => new()
    {
        Id = d.Id ?? 0,
        Location = d.Location ?? string.Empty,
        CreatedAt = d.Criacao,
        RecurrenceId = d.IdRec,
    };

    public static PixRecurrenceConfirmation FromDto(SolicRecDto d, string fallbackId) => new()
    {
        Id = d.IdSolicRec ?? fallbackId,
        RecurrenceId = d.IdRec,
        Status = PixRecurrenceCodes.ToSolicStatus(d.Status),
        StatusCode = d.Status,
        ExpiresAt = d.Calendario?.DataExpiracaoSolicitacao,
    };

    public static PixRecurringCharge FromDto(CobRDto d, string fallbackTxid) => new()
    {
        Txid = d.Txid ?? fallbackTxid,
        RecurrenceId = d.IdRec,
        DueDate = ParseDate(d.Calendario?.DataDeVencimento),
        Amount = d.Valor?.Original ?? 0m,
        Status = PixRecurrenceCodes.ToCobrStatus(d.Status),
        StatusCode = d.Status,
        RetryPolicy = PixRecurrenceCodes.ToRetryPolicy(d.PoliticaRetentativa),
        Attempts = d.Tentativas?.Select(t => new PixChargeAttempt
        {
            SettlementDate = ParseDate(t.DataLiquidacao),
            SettlementDateText = t.DataLiquidacao,
            Type = t.Tipo,
            Status = PixRecurrenceCodes.ToAttemptStatus(t.Status),
            StatusCode = t.Status,
            EndToEndId = t.EndToEndId,
            RejectionCode = t.Rejeicao?.Codigo,
        }).ToList() ?? [],
        Payments = d.Pix?.Where(p => p.EndToEndId is not null).Select(PixMapper.FromDto).ToList() ?? [],
        CancelledBy = d.Encerramento?.Cancelamento?.Solicitante,
        EndCode = (d.Encerramento?.Rejeicao ?? d.Encerramento?.Cancelamento)?.Codigo,
    };

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? ParseDate(string? text) =>
        text is not null && DateOnly.TryParseExact(text.Length >= 10 ? text[..10] : text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : null;
}
