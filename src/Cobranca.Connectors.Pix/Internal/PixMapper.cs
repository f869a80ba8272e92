using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Pix.Internal;

/// <summary>Maps the public models to and from the BACEN wire shapes.</summary>
internal static class PixMapper
{
    public static CobRequestDto ToDto(PixImmediateChargeRequest r) => new()
    {
        Calendario = r.Expiration is { } e ? new CalendarioDto { Expiracao = (int)e.TotalSeconds } : new CalendarioDto(),
        Devedor = r.Debtor is null ? null : ToDto(r.Debtor, includeAddress: false),
        Valor = new ValorDto { Original = r.Amount },
        Chave = r.Key,
        SolicitacaoPagador = r.PayerMessage,
        InfoAdicionais = ToDto(r.AdditionalInfo),
    };

    public static CobRequestDto ToDto(PixDueChargeRequest r) => new()
    {
        Calendario = new CalendarioDto { DataDeVencimento = r.DueDate, ValidadeAposVencimento = r.ValidityAfterDueDays },
        Devedor = ToDto(r.Debtor, includeAddress: true),
        Valor = new ValorDto
        {
            Original = r.Amount,
            Multa = r.Fine is null ? null : new ModalidadeDto { Modalidade = (int)r.Fine.Modality, ValorPerc = r.Fine.Value },
            Juros = r.Interest is null ? null : new ModalidadeDto { Modalidade = (int)r.Interest.Modality, ValorPerc = r.Interest.Value },
            Desconto = r.Discount is null ? null : ToDto(r.Discount),
        },
        Chave = r.Key,
        SolicitacaoPagador = r.PayerMessage,
        InfoAdicionais = ToDto(r.AdditionalInfo),
    };

    public static CobRequestDto ToDto(PixChargeUpdate u, bool dueCharge)
    {
        CalendarioDto? calendario = null;
        if (!dueCharge && u.Expiration is { } e) calendario = new CalendarioDto { Expiracao = (int)e.TotalSeconds };
        if (dueCharge && u.DueDate is { } d) calendario = new CalendarioDto { DataDeVencimento = d };
        return new CobRequestDto
        {
            Calendario = calendario,
            Devedor = u.Debtor is null ? null : ToDto(u.Debtor, includeAddress: dueCharge),
            Valor = u.Amount is { } a ? new ValorDto { Original = a } : null,
            SolicitacaoPagador = u.PayerMessage,
            Status = u.Status?.Value,
        };
    }

    private static PessoaDto ToDto(PixDebtor d, bool includeAddress) => new()
    {
        Cpf = d.Document.Kind == DocumentKind.Cpf ? d.Document.Value : null,
        Cnpj = d.Document.Kind == DocumentKind.Cnpj ? d.Document.Value : null,
        Nome = d.Name,
        Email = includeAddress ? d.Email : null,
        Logradouro = includeAddress ? d.Street : null,
        Cidade = includeAddress ? d.City : null,
        Uf = includeAddress ? d.State : null,
        Cep = includeAddress ? d.PostalCode : null,
    };

    private static ModalidadeDto ToDto(PixDiscount d) => new()
    {
        Modalidade = (int)d.Modality,
        ValorPerc = d.FixedDates.Count == 0 ? d.Value : null,
        DescontoDataFixa = d.FixedDates.Count == 0
            ? null
            : d.FixedDates.Select(x => new DescontoDataFixaDto { Data = x.Date, ValorPerc = x.Value }).ToList(),
    };

    private static List<InfoAdicionalDto>? ToDto(IReadOnlyList<PixAdditionalInfo> info) =>
        info.Count == 0 ? null : info.Select(i => new InfoAdicionalDto { Nome = i.Name, Valor = i.Value }).ToList();

    public static PixCharge FromDto(CobResponseDto d, bool dueCharge, string fallbackTxid)
    {
        var valor = d.Valor;
        return new PixCharge
        {
            Txid = d.Txid ?? fallbackTxid,
            IsDueCharge = dueCharge || d.Calendario?.DataDeVencimento is not null,
            Revision = d.Revisao ?? 0,
            Status = d.Status ?? default,
            CreatedAt = d.Calendario?.Criacao,
            ExpirationSeconds = d.Calendario?.Expiracao,
            DueDate = d.Calendario?.DataDeVencimento,
            ValidityAfterDueDays = d.Calendario?.ValidadeAposVencimento,
            Amount = valor?.Original ?? 0m,
            Key = d.Chave,
            Debtor = FromDebtor(d.Devedor),
            PayerMessage = d.SolicitacaoPagador,
            Location = d.Location ?? d.Loc?.Location,
            CopyPaste = d.PixCopiaECola,
            Fine = valor?.Multa is { } m ? new PixFine((PixFineModality)m.Modalidade, m.ValorPerc ?? 0m) : null,
            Interest = valor?.Juros is { } j ? new PixInterest((PixInterestModality)j.Modalidade, j.ValorPerc ?? 0m) : null,
            Discount = valor?.Desconto is { } ds
                ? new PixDiscount
                {
                    Modality = (PixDiscountModality)ds.Modalidade,
                    Value = ds.ValorPerc,
                    FixedDates = ds.DescontoDataFixa?.Select(x => new PixDiscountDate(x.Data, x.ValorPerc)).ToList() ?? [],
                }
                : null,
            Payments = d.Pix?.Where(p => p.EndToEndId is not null).Select(FromDto).ToList() ?? [],
            AdditionalData = d.Extra ?? [],
        };
    }

    private static PixDebtor? FromDebtor(PessoaDto? p)
    {
        if (p is null || !Document.TryParse(p.Cpf ?? p.Cnpj, out var doc)) return null;
        return new PixDebtor
        {
            Document = doc,
            Name = p.Nome ?? string.Empty,
            Email = p.Email,
            Street = p.Logradouro,
            City = p.Cidade,
            State = p.Uf,
            PostalCode = p.Cep,
        };
    }

    public static PixPayment FromDto(PixDto d) => new()
    {
        EndToEndId = d.EndToEndId ?? string.Empty,
        Txid = d.Txid,
        Amount = d.Valor ?? 0m,
        PaidAt = d.Horario ?? default,
        Key = d.Chave,
        PayerInfo = d.InfoPagador,
        Payer = d.Pagador is null
            ? null
            : new PixPayer
            {
                Document = Document.TryParse(d.Pagador.Cpf ?? d.Pagador.Cnpj, out var doc) ? doc : null,
                Name = d.Pagador.Nome,
            },
        Components = d.ComponentesValor is not { } c
            ? null
            : new PixAmountComponents
            {
                Original = c.Original?.Valor,
                Fine = c.Multa?.Valor,
                Interest = c.Juros?.Valor,
                Discount = c.Desconto?.Valor,
                Abatement = c.Abatimento?.Valor,
            },
        Refunds = d.Devolucoes?.Where(x => x.Id is not null).Select(FromDto).ToList() ?? [],
        AdditionalData = d.Extra ?? [],
    };

    public static PixRefund FromDto(DevolucaoDto d) => new()
    {
        Id = d.Id ?? string.Empty,
        ReturnId = d.RtrId,
        Amount = d.Valor ?? 0m,
        RequestedAt = d.Horario?.Solicitacao,
        SettledAt = d.Horario?.Liquidacao,
        Status = d.Status ?? default,
        Nature = d.Natureza,
        Reason = d.Motivo,
    };
}
