using System.Globalization;
using System.Text;

namespace Cobranca.Connectors.Pix;

/// <summary>Writes conforming payloads: BACEN field order, sanitised texts, canonical key, upper-case CRC.</summary>
internal static class BrCodeWriter
{
    private const int MaxAdditionalInfoLength = 72;
    private const int MaxTemplateLength = 99;
    private const decimal MaxAmount = 9_999_999_999.99m;

    public static string Build(BrCodeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = BrCodeText.Sanitise(request.MerchantName, BrCodeParser.MaxMerchantNameLength);
        if (name.Length == 0) throw new BrCodeException(BrCodeErrorKind.InvalidMerchantName, "The merchant name is empty after removing accents and symbols.", "59");
        var city = BrCodeText.Sanitise(request.MerchantCity, BrCodeParser.MaxMerchantCityLength);
        if (city.Length == 0) throw new BrCodeException(BrCodeErrorKind.InvalidMerchantCity, "The merchant city is empty after removing accents and symbols.", "60");
        var mcc = request.MerchantCategoryCode;
        if (mcc is null || mcc.Length != 4 || !mcc.All(char.IsAsciiDigit))
        {
            throw new BrCodeException(BrCodeErrorKind.InvalidFieldValue, "The Merchant Category Code must be four digits.", "52");
        }
        var postalCode = request.PostalCode?.Trim().Replace("-", string.Empty, StringComparison.Ordinal);
        if (postalCode is { Length: 0 }) postalCode = null;
        if (postalCode is not null && (postalCode.Length != 8 || !postalCode.All(char.IsAsciiDigit)))
        {
            throw new BrCodeException(BrCodeErrorKind.InvalidFieldValue, "The postal code (CEP) must have 8 digits.", "61");
        }
        var amount = request.Amount is { } value ? FormatAmount(value) : null;

        var account = new StringBuilder(MaxTemplateLength);
        Append(account, "00", BrCodeParser.PixGui);
        string txId;
        bool dynamic;
        string? recurrence = null;
        switch (request)
        {
            case BrCodeStaticRequest s:
                var key = PixKeyRules.Normalise(s.PixKey)
                    ?? throw new BrCodeException(BrCodeErrorKind.InvalidPixKey,
                        "The Pix key is not a valid CPF, CNPJ, +55 phone, e-mail or EVP (random key).", "26.01");
                Append(account, "01", key);
                if (!string.IsNullOrWhiteSpace(s.AdditionalInfo))
                {
                    var info = BrCodeText.Sanitise(s.AdditionalInfo, int.MaxValue);
                    if (info.Length > MaxAdditionalInfoLength)
                    {
                        throw new BrCodeException(BrCodeErrorKind.FieldTooLong,
                            $"The additional information has {info.Length} characters; the limit is {MaxAdditionalInfoLength}.", "26.02");
                    }
                    if (info.Length > 0) Append(account, "02", info);
                }
                txId = NormaliseTxId(s.TxId);
                dynamic = false;
                break;
            case BrCodeDynamicRequest d:
                var url = d.Url?.Trim() ?? string.Empty;
                if (!BrCodeUrl.IsValid(url, out var urlProblem))
                {
                    throw new BrCodeException(BrCodeErrorKind.InvalidUrl,
                        $"The payload URL must be host/path in printable ASCII without scheme (no https://), at most {BrCodeParser.MaxUrlLength} characters: {urlProblem}.", "26.25");
                }
                Append(account, "25", url);
                txId = "***";
                dynamic = true;
                break;
            case BrCodeRecurrenceRequest r:
                recurrence = RequireUrl(r.RecurrenceUrl, "80.25", "recurrence URL");
                if (r.ChargeUrl is not null)
                {
                    Append(account, "25", RequireUrl(r.ChargeUrl, "26.25", "charge URL"));
                    dynamic = true;
                }
                else
                {
                    dynamic = false; // journey 2: the Pix template holds only the GUI, no point of initiation
                }
                txId = "***";
                break;
            default:
                throw new ArgumentException("Use BrCodeStaticRequest, BrCodeDynamicRequest or BrCodeRecurrenceRequest.", nameof(request));
        }
        if (account.Length > MaxTemplateLength)
        {
            throw new BrCodeException(BrCodeErrorKind.FieldTooLong,
                $"The Pix template (key and additional information) has {account.Length} characters; the limit is {MaxTemplateLength}.", "26");
        }

        var sb = new StringBuilder(256);
        Append(sb, "00", "01");
        if (dynamic) Append(sb, "01", "12");
        Append(sb, "26", account.ToString());
        Append(sb, "52", mcc);
        Append(sb, "53", "986");
        if (amount is not null) Append(sb, "54", amount);
        Append(sb, "58", "BR");
        Append(sb, "59", name);
        Append(sb, "60", city);
        if (postalCode is not null) Append(sb, "61", postalCode);
        Append(sb, "62", "05" + txId.Length.ToString("00", CultureInfo.InvariantCulture) + txId);
        if (recurrence is not null) Append(sb, "80", "00" + BrCodeParser.PixGui.Length.ToString("00", CultureInfo.InvariantCulture) + BrCodeParser.PixGui + "25" + recurrence.Length.ToString("00", CultureInfo.InvariantCulture) + recurrence);
        sb.Append("6304");
        if (sb.Length + 4 > BrCodeParser.MaxPayloadLength)
            throw new BrCodeException(BrCodeErrorKind.TooLong, $"The BR Code would have {sb.Length + 4} characters; the limit is {BrCodeParser.MaxPayloadLength}.");
        var crc = BrCodeCrc.Compute(sb.ToString());
        return sb.Append(BrCodeCrc.ToHex(crc)).ToString();
    }

    private static string RequireUrl(string? value, string tag, string what)
    {
        var url = value?.Trim() ?? string.Empty;
        if (!BrCodeUrl.IsValid(url, out var problem))
        {
            throw new BrCodeException(BrCodeErrorKind.InvalidUrl,
                $"The {what} must be host/path in printable ASCII without scheme (no https://), at most {BrCodeParser.MaxUrlLength} characters: {problem}.", tag);
        }
        return url;
    }

    private static string FormatAmount(decimal amount)
    {
        if (amount <= 0 || amount > MaxAmount || decimal.Round(amount, 2) != amount)
        {
            throw new BrCodeException(BrCodeErrorKind.InvalidAmount,
                "The amount must be positive, at most 9,999,999,999.99 and have at most two decimals (it is never rounded).", "54");
        }
        return amount.ToString("0.00", CultureInfo.InvariantCulture);
    }

    private static string NormaliseTxId(string? txId)
    {
        if (string.IsNullOrWhiteSpace(txId) || txId == "***") return "***";
        if (txId.Length > BrCodeParser.MaxStaticTxIdLength || !txId.All(char.IsAsciiLetterOrDigit))
        {
            throw new BrCodeException(BrCodeErrorKind.InvalidTxId,
                $"A static code's txid must be 1 to {BrCodeParser.MaxStaticTxIdLength} letters and digits, or *** for none.", "62.05");
        }
        return txId;
    }

    private static void Append(StringBuilder sb, string id, string value) =>
        sb.Append(id).Append(value.Length.ToString("00", CultureInfo.InvariantCulture)).Append(value);
}
