namespace Cobranca.Connectors.Boleto.Cnab;

/// <summary>The record layout of a CNAB retorno file.</summary>
public enum CnabLayout
{
    /// <summary>FEBRABAN CNAB 240 (segments T and U; the same layout for every bank).</summary>
    Cnab240 = 0,

    /// <summary>CNAB 400: one detail record per title, positions differ per bank.</summary>
    Cnab400 = 1,
}
