using System.Globalization;
using System.Text.Json;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Sgp.Internal;

namespace Cobranca.Connectors.Sgp;

public sealed partial class SgpClient
{
    private static readonly string[] PaymentMethods = ["PIX", "DINHEIRO", "CARTAO", "DEBITO"];

    /// <inheritdoc />
    /// <remarks>
    /// <c>liberacaopromessa</c> with the contract id (never the CPF), without <c>data_promessa</c>: the number of days
    /// and how often it may be used are SGP settings. <c>status</c> 1 (or <c>liberado</c> true, read loosely:
    /// <c>"True"</c>, <c>"1"</c>) is <see cref="TrustUnlockOutcome.Granted"/> until the end of <c>data_promessa</c>;
    /// 2 is <see cref="TrustUnlockOutcome.LimitReached"/>; 0 with no message ("nothing to release") is
    /// <see cref="TrustUnlockOutcome.AlreadyActive"/>, 0 with a message is <see cref="TrustUnlockOutcome.NotEligible"/>.
    /// Never re-sent automatically. The reply's <c>msg</c> on success carries the PPPoE login and is not kept.
    /// </remarks>
    public async Task<TrustUnlockResult> RequestTrustUnlockAsync(string contractId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contractId);
        contractId = contractId.Trim();
        var fields = new List<KeyValuePair<string, string>> { F("contrato", contractId) };
        if (_options.NotifyCustomerOnTrustUnlock) fields.Add(F("enviar_sms", "1"));
        using var doc = await PostAsync("liberacaopromessa", Ura("liberacaopromessa"), fields, retryable: false, cancellationToken).ConfigureAwait(false);
        var root = doc.RootElement;
        var status = root.Int("status");
        var released = root.Bool("liberado");
        var protocol = root.Str("protocolo");
        if (status == 1 || released == true)
        {
            var until = root.Date("data_promessa") is { } date ? StartOfDay(date.AddDays(1))
                : root.Int("liberado_dias") is { } days ? StartOfDay(Today().AddDays(days + 1)) : (DateTimeOffset?)null;
            return TrustUnlockResult.Granted(until, protocol);
        }
        var message = root.Str("msg", "mensagem");
        return status switch
        {
            2 => TrustUnlockResult.LimitReached(message ?? "SGP: the payment promise already reached the allowed quantity.", "2"),
            0 when message is null => TrustUnlockResult.AlreadyActive("0"),
            0 when IsNotFoundText(message) => throw new ConnectorNotFoundException(ProviderName, "liberacaopromessa", $"SGP has no contract {contractId}: {message}", 200, "0"),
            0 => TrustUnlockResult.NotEligible(message!, "0"),
            _ => throw new ConnectorApiException(ProviderName, "liberacaopromessa",
                $"SGP liberacaopromessa answered an unknown status '{root.Str("status")}'" + (message is null ? "." : $": {message}"), 200, root.Str("status")),
        };
    }

    /// <inheritdoc />
    public async Task VerifyConnectionAsync(CancellationToken cancellationToken = default) =>
        _ = await TitlesPageAsync([F("status", "abertos")], 0, 1, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<SgpContractStatus> GetContractStatusAsync(string contractId, CancellationToken cancellationToken = default) =>
        new((await ContractRowAsync(contractId, "contract.status", cancellationToken).ConfigureAwait(false)).Int("contratoStatus", "status") ?? 0);

    internal async Task<JsonElement> ContractRowAsync(string contractId, string operation, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contractId);
        var rows = await ConsultAsync(F("contrato", contractId.Trim()), cancellationToken).ConfigureAwait(false);
        var row = rows.FirstOrDefault(r => r.Str("contratoId", "contrato", "id") == contractId.Trim());
        return row.ValueKind == JsonValueKind.Undefined ? throw new ConnectorNotFoundException(ProviderName, operation, $"SGP has no contract {contractId}.") : row;
    }

    /// <inheritdoc />
    public async Task ChangeContractStatusAsync(string contractId, SgpContractStatus status, int? reasonId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contractId);
        var fields = new List<KeyValuePair<string, string>> { F("contrato", contractId.Trim()), F("status", status.Code) };
        if (reasonId is { } reason) fields.Add(F("motivo", reason));
        using var doc = await PostAsync("contrato.status.edit", Ura("contrato/status/edit"), fields, retryable: false, cancellationToken).ConfigureAwait(false);
        if (BusinessError(doc.RootElement) is { } error)
        {
            throw IsNotFoundText(error)
                ? new ConnectorNotFoundException(ProviderName, "contrato.status.edit", $"SGP has no contract {contractId}: {error}", 200, "0")
                : new ConnectorValidationException(ProviderName, "contrato.status.edit", $"SGP refused the status change of contract {contractId}: {error}", null, 200, "0");
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<int, string>> GetStatusReasonsAsync(CancellationToken cancellationToken = default)
    {
        using var doc = await PostAsync("contrato.status.motivos", Ura("contrato/status/motivos"), [], retryable: true, cancellationToken).ConfigureAwait(false);
        var root = doc.RootElement;
        var list = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray() : root.Array("motivos");
        return list.Where(m => m.Int("id") is not null).ToDictionary(m => m.Int("id")!.Value, m => m.Str("descricao", "nome", "motivo") ?? "");
    }

    /// <inheritdoc />
    public async Task<bool> IsServiceOnlineAsync(string contractId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contractId);
        using var doc = await PostAsync("verificaacesso", Ura("verificaacesso"), [F("contrato", contractId.Trim()), F("status_all", "1")], retryable: true, cancellationToken)
            .ConfigureAwait(false);
        var root = doc.RootElement;
        var message = root.Str("msg");
        if (IsNotFoundText(message)) throw new ConnectorNotFoundException(ProviderName, "verificaacesso", $"SGP has no contract {contractId}.", 200, "0");
        return root.Int("status") == 1 || message?.Contains("Online", StringComparison.OrdinalIgnoreCase) == true;
    }

    /// <inheritdoc />
    public async Task DisconnectAsync(string login, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(login);
        using var doc = await PostAsync("radius.disconnect", "ws/radius/disconnect/", [F("login", login.Trim())], retryable: false, cancellationToken).ConfigureAwait(false);
        if (BusinessError(doc.RootElement) is { } error)
        {
            throw IsNotFoundText(error)
                ? new ConnectorNotFoundException(ProviderName, "radius.disconnect", $"SGP does not know that login: {error}", 200, "0")
                : new ConnectorApiException(ProviderName, "radius.disconnect", $"SGP did not disconnect the session: {error}", 200, "0");
        }
    }

    /// <inheritdoc />
    public async Task SettleInvoiceAsync(string invoiceId, decimal amount, DateOnly paidOn, SgpPaymentMethod method, bool partial = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(invoiceId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        if (!Enum.IsDefined(method)) throw new ArgumentOutOfRangeException(nameof(method));
        var fields = new List<KeyValuePair<string, string>>
        {
            F("data_pagamento", Iso(paidOn)),
            F("valor_pago", Money.ToInvariantString(amount)),
            F("forma_pagamento", PaymentMethods[(int)method]),
        };
        if (partial) fields.Add(F("liquidacao_parcial", "1"));
        var path = "api/banco/titulo/" + Uri.EscapeDataString(invoiceId.Trim()) + "/baixar/";
        using var doc = await PostAsync("banco.titulo.baixar", path, fields, retryable: false, cancellationToken).ConfigureAwait(false);
        if (BusinessError(doc.RootElement) is { } error)
            throw new ConnectorValidationException(ProviderName, "banco.titulo.baixar", $"SGP did not register the payment of title {invoiceId}: {error}", null, 200, "0");
    }

    internal static string Code(int value) => value.ToString(CultureInfo.InvariantCulture);
}
