namespace Cobranca.Connectors.Testing.Boleto;

/// <summary>A boleto as the <see cref="BoletoBankSandbox"/> holds it.</summary>
/// <param name="Bank">The bank.</param>
/// <param name="Id">The bank's id (codigoSolicitacao, nosso número, numeroTituloCliente, charge_id).</param>
/// <param name="Reference">The client reference (seuNumero / custom_id).</param>
/// <param name="Status">The bank's status text.</param>
/// <param name="Amount">Nominal amount.</param>
/// <param name="DueDate">Due date.</param>
/// <param name="Barcode">44-digit barcode (null while Inter processes it).</param>
/// <param name="LinhaDigitavel">47-digit linha.</param>
/// <param name="PixCopiaECola">Pix copia-e-cola (hybrid).</param>
/// <param name="AmountPaid">Amount paid, once paid.</param>
/// <param name="PaidAt">When paid.</param>
public sealed record BoletoSandboxBoleto(string Bank, string Id, string Reference, string Status, decimal Amount, DateOnly DueDate,
    string? Barcode, string? LinhaDigitavel, string? PixCopiaECola, decimal? AmountPaid, DateTimeOffset? PaidAt);
