namespace Cobranca.Connectors.Boleto.Cnab;

/// <summary>Per-bank positions of a CNAB 400 retorno detail (1-based, inclusive), from docs/cnab-retorno.md.</summary>
internal sealed record Cnab400Bank(
    string Code,
    string Name,
    char DetailType,
    (int Start, int End) OurReference,
    (int Start, int End) NossoNumero,
    (int Start, int End)? NossoNumeroFallback,
    (int Start, int End) Fee,
    (int Start, int End) CreditDate,
    (int Start, int End)? NetCredited,
    bool PaidFieldIsNet,
    Func<string, CnabMovementKind> Kind)
{
    public static readonly (int Start, int End) Movement = (109, 110);
    public static readonly (int Start, int End) OccurrenceDate = (111, 116);
    public static readonly (int Start, int End) DocumentNumber = (117, 126);
    public static readonly (int Start, int End) DueDate = (147, 152);
    public static readonly (int Start, int End) FaceValue = (153, 165);
    public static readonly (int Start, int End) Rebate = (228, 240);
    public static readonly (int Start, int End) Discount = (241, 253);
    public static readonly (int Start, int End) Paid = (254, 266);
    public static readonly (int Start, int End) Interest = (267, 279);

    public static readonly Cnab400Bank BancoDoBrasil = new("001", "BANCO DO BRASIL", '7', (39, 63), (64, 80), null, (182, 188), (176, 181), (306, 318), false,
        code => code switch
        {
            "02" => CnabMovementKind.EntryConfirmed,
            "03" => CnabMovementKind.EntryRejected,
            "05" or "06" or "07" or "08" or "15" => CnabMovementKind.Paid,
            "09" or "10" => CnabMovementKind.WrittenOff,
            "28" => CnabMovementKind.FeeCharged,
            _ => CnabMovementKind.Other,
        });

    public static readonly Cnab400Bank Bradesco = new("237", "BRADESCO", '1', (38, 62), (71, 82), null, (176, 188), (296, 301), null, false,
        code => code switch
        {
            "02" => CnabMovementKind.EntryConfirmed,
            "03" => CnabMovementKind.EntryRejected,
            "06" or "15" => CnabMovementKind.Paid,
            "17" => CnabMovementKind.PaidAfterWriteOff,
            "09" or "10" => CnabMovementKind.WrittenOff,
            "28" => CnabMovementKind.FeeCharged,
            _ => CnabMovementKind.Other,
        });

    public static readonly Cnab400Bank Itau = new("341", "BANCO ITAU S.A.", '1', (38, 62), (86, 93), (63, 70), (176, 188), (296, 301), null, true,
        code => code switch
        {
            "02" => CnabMovementKind.EntryConfirmed,
            "03" => CnabMovementKind.EntryRejected,
            "06" or "07" or "08" => CnabMovementKind.Paid,
            "09" or "10" => CnabMovementKind.WrittenOff,
            _ => CnabMovementKind.Other,
        });

    public static readonly Cnab400Bank Sicoob = new("756", "BANCOOBCED", '1', (38, 62), (63, 74), null, (182, 188), (176, 181), null, false,
        code => code switch
        {
            "02" => CnabMovementKind.EntryConfirmed,
            "03" => CnabMovementKind.EntryRejected,
            "05" or "06" or "15" => CnabMovementKind.Paid,
            "09" or "10" => CnabMovementKind.WrittenOff,
            _ => CnabMovementKind.Other,
        });

    public static Cnab400Bank? Find(string code) => code switch
    {
        "001" => BancoDoBrasil,
        "237" => Bradesco,
        "341" => Itau,
        "756" => Sicoob,
        _ => null,
    };
}
