namespace Cobranca.Connectors.Pix;

/// <summary>How the payer authorised the recurrence (<c>ativacao.tipoJornada</c>). Unknown wire values map to <see cref="Unknown"/>; the raw code is kept next to it (never thrown).</summary>
public enum PixJourney
{
    /// <summary>A value this SDK does not know (see the raw code property).</summary>
    Unknown = 0,

    /// <summary><c>JORNADA_1</c>.</summary>
    Journey1,

    /// <summary><c>JORNADA_2</c>.</summary>
    Journey2,

    /// <summary><c>JORNADA_3</c>.</summary>
    Journey3,

    /// <summary><c>JORNADA_4</c>.</summary>
    Journey4,

    /// <summary><c>AGUARDANDO_DEFINICAO</c>.</summary>
    AwaitingDefinition,
}
