namespace Cobranca.Connectors.Boleto.Providers;

/// <summary>The banks and PSPs <see cref="BoletoBankClient"/> speaks to.</summary>
public enum BoletoBank
{
    /// <summary>Banco Inter (077), API Cobrança v3 (bolepix: every boleto has a Pix QR; asynchronous registration).</summary>
    Inter = 1,

    /// <summary>Sicoob (756), API Cobrança Bancária v3 (hybrid with <c>codigoCadastrarPIX</c>; no client secret, certificate only).</summary>
    Sicoob = 2,

    /// <summary>Banco do Brasil (001), API Cobranças v2 (client-assigned numeroTituloCliente; hybrid with <c>indicadorPix</c>).</summary>
    BancoDoBrasil = 3,

    /// <summary>Efí (ex-Gerencianet), API Cobranças v1 (one-step charge, Bolix; notifications are pulled by token).</summary>
    Efi = 4,
}
