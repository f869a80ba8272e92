using System.Diagnostics.CodeAnalysis;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Pix;

/// <summary>
/// A Pix BR Code (the "copia e cola" text behind a Pix QR code, EMV QRCPS-MPM): parse and validate one with
/// <see cref="Parse(string)"/>, write one with <see cref="Build(BrCodeRequest)"/>.
/// </summary>
/// <remarks>
/// Parsing checks the TLV structure (nested templates 26–51, 62, 64, 80–99), the CRC-16/CCITT-FALSE, the required
/// fields, the Pix GUI (case-insensitive), the key format (DICT), the amount and the txid. Limits that real codes are
/// known to break (name over 25 characters, city over 15, accents) are accepted and listed in <see cref="Warnings"/>.
/// Every failure is a <see cref="BrCodeException"/>; no other exception escapes, whatever the input.
/// The payload carries personal data (the key): <see cref="ToString"/> masks it.
/// </remarks>
public sealed class BrCode
{
    internal BrCode(string payload, string? pointOfInitiationMethod, string? pixKey, BrCodeKeyType? keyType, string? additionalInfo,
        string? url, string merchantCategoryCode, decimal? amount, string merchantName, string merchantCity, string? postalCode,
        string? txId, string? recurrenceUrl, string crc, IReadOnlyList<BrCodeWarning> warnings)
    {
        Payload = payload;
        PointOfInitiationMethod = pointOfInitiationMethod;
        PixKey = pixKey;
        KeyType = keyType;
        AdditionalInfo = additionalInfo;
        Url = url;
        MerchantCategoryCode = merchantCategoryCode;
        Amount = amount;
        MerchantName = merchantName;
        MerchantCity = merchantCity;
        PostalCode = postalCode;
        TxId = txId;
        RecurrenceUrl = recurrenceUrl;
        Crc = crc;
        Warnings = warnings;
    }

    /// <summary>The payload as parsed (surrounding white space removed).</summary>
    public string Payload { get; }

    /// <summary>Field 01: <c>"12"</c> single use (dynamic), <c>"11"</c> reusable, null when absent.</summary>
    public string? PointOfInitiationMethod { get; }

    /// <summary>True when field 01 says the code must be paid once only (<c>12</c>).</summary>
    public bool IsSingleUse => PointOfInitiationMethod == "12";

    /// <summary>True for a dynamic code: the Pix template carries a payload URL (25) instead of a key.</summary>
    public bool IsDynamic => Url is not null;

    /// <summary>True when the payload URL points at a charge with due date (<c>/cobv/</c> in the path).</summary>
    public bool IsDueDateCharge => Url is not null && Url.Contains("/cobv/", StringComparison.OrdinalIgnoreCase);

    /// <summary>The Pix key (26/01) of a static code; null for a dynamic one. Personal data: mask before display.</summary>
    public string? PixKey { get; }

    /// <summary>The kind of <see cref="PixKey"/>.</summary>
    public BrCodeKeyType? KeyType { get; }

    /// <summary>Free text for the payer (26/02), static codes only.</summary>
    public string? AdditionalInfo { get; }

    /// <summary>The payload location (26/25) of a dynamic code, without scheme; the payer's PSP fetches it over HTTPS.</summary>
    public string? Url { get; }

    /// <summary>Merchant Category Code (52), usually <c>0000</c>.</summary>
    public string MerchantCategoryCode { get; }

    /// <summary>The amount in BRL (54); null when the payer types it (or a dynamic code takes it from the payload).</summary>
    public decimal? Amount { get; }

    /// <summary>Merchant (recebedor) name (59).</summary>
    public string MerchantName { get; }

    /// <summary>Merchant city (60).</summary>
    public string MerchantCity { get; }

    /// <summary>Postal code (61), as written, when present.</summary>
    public string? PostalCode { get; }

    /// <summary>The txid / reference label (62/05); null when absent or <c>***</c> (no txid).</summary>
    public string? TxId { get; }

    /// <summary>The Pix Automático recurrence location (template 80–99 with the Pix GUI, field 25), when present.</summary>
    public string? RecurrenceUrl { get; }

    /// <summary>
    /// The Pix Automático journey this composite code serves: <see cref="PixJourney.Journey2"/> (authorisation only: the
    /// Pix template holds only the GUI), <see cref="PixJourney.Journey3"/> (with an immediate charge to pay now),
    /// <see cref="PixJourney.Journey4"/> (with a cobv, or a static key); <see cref="PixJourney.Unknown"/> without a recurrence URL.
    /// </summary>
    public PixJourney RecurrenceJourney => RecurrenceUrl is null ? PixJourney.Unknown
        : Url is null && PixKey is null ? PixJourney.Journey2
        : IsDueDateCharge || PixKey is not null ? PixJourney.Journey4
        : PixJourney.Journey3;

    /// <summary>
    /// The CRC (63) as four upper-case hexadecimal digits. A code written with a lower-case CRC is accepted when the
    /// value matches (<see cref="BrCodeWarning.LowerCaseCrc"/>); <see cref="Payload"/> keeps it as written.
    /// </summary>
    public string Crc { get; }

    /// <summary>Limits the code breaks that a lenient reader accepts; empty for a conforming code.</summary>
    public IReadOnlyList<BrCodeWarning> Warnings { get; }

    /// <summary>Parses and validates a BR Code.</summary>
    /// <param name="payload">The copia-e-cola text; white space around it is ignored.</param>
    /// <exception cref="BrCodeException">The payload breaks a rule; <see cref="BrCodeException.Kind"/> says which.</exception>
    public static BrCode Parse(string payload) => BrCodeParser.Parse(payload, out var error) ?? throw error.ToException();

    /// <summary>Tries to parse a BR Code; never throws.</summary>
    /// <param name="payload">The copia-e-cola text.</param>
    /// <param name="brCode">The parsed code, when valid.</param>
    public static bool TryParse([NotNullWhen(true)] string? payload, [NotNullWhen(true)] out BrCode? brCode)
    {
        brCode = BrCodeParser.Parse(payload, out _);
        return brCode is not null;
    }

    /// <summary>Tries to parse a BR Code and says why it is invalid; never throws.</summary>
    /// <param name="payload">The copia-e-cola text.</param>
    /// <param name="brCode">The parsed code, when valid.</param>
    /// <param name="error">The reason, when invalid (not thrown).</param>
    public static bool TryParse([NotNullWhen(true)] string? payload, [NotNullWhen(true)] out BrCode? brCode, [NotNullWhen(false)] out BrCodeException? error)
    {
        brCode = BrCodeParser.Parse(payload, out var failure);
        error = brCode is null ? failure.ToException() : null;
        return brCode is not null;
    }

    /// <summary>
    /// Writes a conforming payload: static (<see cref="BrCodeStaticRequest"/>), dynamic (<see cref="BrCodeDynamicRequest"/>)
    /// or a Pix Automático composite (<see cref="BrCodeRecurrenceRequest"/>),
    /// fields in the BACEN order, texts sanitised to ASCII, the key in DICT format, the CRC in upper-case hex.
    /// </summary>
    /// <param name="request">What to encode.</param>
    /// <returns>The copia-e-cola text.</returns>
    /// <exception cref="BrCodeException">A value cannot be encoded (invalid key, amount, txid, URL, empty name...).</exception>
    public static string Build(BrCodeRequest request) => BrCodeWriter.Build(request);

    /// <summary>Computes the CRC-16/CCITT-FALSE of a text as four upper-case hexadecimal digits (UTF-8 for non-ASCII).</summary>
    /// <param name="text">For a BR Code: everything up to and including <c>6304</c>.</param>
    public static string ComputeCrc(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return BrCodeCrc.ToHex(BrCodeCrc.Compute(text));
    }

    /// <summary>A summary with the key masked (LGPD): kind, amount, txid, merchant.</summary>
    public override string ToString() =>
        $"BrCode {(IsDynamic ? "dynamic" : "static")} key={SensitiveData.MaskPixKey(PixKey)} amount={Amount?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) ?? "-"} txid={TxId ?? "-"} merchant={MerchantName}";
}
