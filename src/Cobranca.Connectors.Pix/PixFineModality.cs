namespace Cobranca.Connectors.Pix;

/// <summary><c>cobv.multa.modalidade</c>: how the fine (multa) value is read. Numbers are the BACEN codes.</summary>
public enum PixFineModality
{
    /// <summary>1: a fixed amount in BRL.</summary>
    FixedAmount = 1,

    /// <summary>2: a percentage of the original amount (CDC caps consumer fines at 2 %).</summary>
    Percentage = 2,
}
