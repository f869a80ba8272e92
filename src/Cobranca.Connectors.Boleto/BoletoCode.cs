using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Boleto;

/// <summary>
/// A validated boleto code: a boleto bancário (44-digit barcode / 47-digit linha digitável) or an arrecadação bill
/// (44 / 48 digits, starting with 8). <see cref="Parse(string, DateOnly)"/> accepts any of the three forms, with or
/// without punctuation, checks every check digit, and exposes both forms plus the decoded fields.
/// </summary>
/// <remarks>
/// The due date comes from the factor and is decoded relative to a reference date (FEBRABAN window of 3000 days
/// back / 5500 ahead, 2025-02-22 reset), see <see cref="DueDateFactor"/>. A factor with no date in the window is not
/// an error: <see cref="DueDate"/> is null, <see cref="IsDueDateOutOfRange"/> is true and the raw
/// <see cref="DueDateFactorValue"/> stays available. Every failure is a <see cref="BoletoException"/>; nothing else
/// escapes, whatever the input.
/// </remarks>
public sealed class BoletoCode
{
    private BoletoCode(BoletoKind kind, string barcode, string digitableLine)
    {
        Kind = kind;
        Barcode = barcode;
        DigitableLine = digitableLine;
    }

    /// <summary>Boleto bancário or arrecadação.</summary>
    public BoletoKind Kind { get; }

    /// <summary>The 44-digit barcode.</summary>
    public string Barcode { get; }

    /// <summary>The linha digitável, digits only: 47 (boleto bancário) or 48 (arrecadação).</summary>
    public string DigitableLine { get; }

    /// <summary>
    /// The linha digitável as printed: <c>AAAAA.AAAAA BBBBB.BBBBBB CCCCC.CCCCCC D EEEEEEEEEEEEEE</c> (47) or
    /// <c>AAAAAAAAAAA-A BBBBBBBBBBB-B CCCCCCCCCCC-C DDDDDDDDDDD-D</c> (48).
    /// </summary>
    public string FormattedDigitableLine => Kind == BoletoKind.Bank
        ? $"{DigitableLine[..5]}.{DigitableLine[5..10]} {DigitableLine[10..15]}.{DigitableLine[15..21]} {DigitableLine[21..26]}.{DigitableLine[26..32]} {DigitableLine[32]} {DigitableLine[33..]}"
        : string.Join(' ', Enumerable.Range(0, 4).Select(b => $"{DigitableLine.Substring(b * 12, 11)}-{DigitableLine[(b * 12) + 11]}"));

    /// <summary>Boleto bancário: the issuing bank's COMPE code (3 digits, e.g. <c>341</c>). Null for arrecadação.</summary>
    public string? BankCode => Kind == BoletoKind.Bank ? Barcode[..3] : null;

    /// <summary>Boleto bancário: currency code, 9 = Real, 0 = variable currency. Null for arrecadação.</summary>
    public int? CurrencyCode => Kind == BoletoKind.Bank ? Barcode[3] - '0' : null;

    /// <summary>Boleto bancário: the due-date factor (1000–9999); null when the barcode has 0000 (no due date) or for arrecadação.</summary>
    public int? DueDateFactorValue { get; private init; }

    /// <summary>The due date decoded from the factor in the window around the reference date; null when absent or out of range.</summary>
    public DateOnly? DueDate { get; private init; }

    /// <summary>True when the factor has no candidate date inside the window ("vencimento fora da faixa").</summary>
    public bool IsDueDateOutOfRange { get; private init; }

    /// <summary>
    /// True when the general check digit protects the code poorly (<see cref="BoletoWarning.WeakCheckDigit"/>): a
    /// boleto bancário whose digit is 1, or a mod-11 arrecadação whose digit is 0. Confirm the amount and due date
    /// with the payer or against the ERP's invoice before paying or registering a payment.
    /// </summary>
    public bool HasWeakCheckDigit => Warnings.Contains(BoletoWarning.WeakCheckDigit);

    /// <summary>What the caller should check before trusting the decoded fields; empty for most codes.</summary>
    public IReadOnlyList<BoletoWarning> Warnings { get; private init; } = [];

    /// <summary>The amount in BRL; null when the code carries zero ("valor a ser informado") or, for arrecadação, a currency quantity (identifier 7 or 9).</summary>
    public decimal? Amount { get; private init; }

    /// <summary>
    /// Boleto bancário: the 25-digit campo livre (bank-specific: agência, carteira, nosso número...).
    /// Arrecadação: the digits after the company code.
    /// </summary>
    public string FreeField => Barcode[CompanyCodeEnd..]; // a bank boleto has no segment: its campo livre starts at 19

    /// <summary>Arrecadação: segment (1 prefeituras, 2 saneamento, 3 energia/gás, 4 telecom, 5 governo, 6 carnês/demais, 7 multas de trânsito, 9 banco). Null for boleto bancário.</summary>
    public int? Segment { get; private init; }

    /// <summary>Arrecadação: value identifier (6 or 8 amount in reais, 7 or 9 currency quantity; 6/7 use mod 10, 8/9 mod 11). Null for boleto bancário.</summary>
    public int? ValueIdentifier { get; private init; }

    /// <summary>Arrecadação: the company/agency code (4 digits; for segment 6 the 8-digit CNPJ root). Null for boleto bancário.</summary>
    public string? CompanyCode => Kind == BoletoKind.Collection ? Barcode[15..CompanyCodeEnd] : null;

    /// <summary>Where the company code ends (arrecadação) or the campo livre starts (19 for a bank boleto, which has no segment).</summary>
    private int CompanyCodeEnd => Segment == 6 ? 23 : 19;

    /// <summary>Parses with "today" taken from the system clock in America/Sao_Paulo.</summary>
    /// <param name="text">A barcode (44), linha digitável (47) or arrecadação linha (48), punctuation and spaces allowed.</param>
    /// <exception cref="BoletoException">Wrong length, character or check digit.</exception>
    public static BoletoCode Parse(string text) => Parse(text, TimeProvider.System);

    /// <summary>Parses with "today" taken from <paramref name="timeProvider"/> in America/Sao_Paulo.</summary>
    /// <param name="text">A barcode (44), linha digitável (47) or arrecadação linha (48), punctuation and spaces allowed.</param>
    /// <param name="timeProvider">The clock that decides the due-date window.</param>
    /// <exception cref="BoletoException">Wrong length, character or check digit.</exception>
    public static BoletoCode Parse(string text, TimeProvider timeProvider) => Parse(text, BrazilTime.Today(timeProvider));

    /// <summary>Parses, decoding the due date in the window around <paramref name="referenceDate"/>.</summary>
    /// <param name="text">A barcode (44), linha digitável (47) or arrecadação linha (48), punctuation and spaces allowed.</param>
    /// <param name="referenceDate">"Today", or the date the code was read.</param>
    /// <exception cref="BoletoException">Wrong length, character or check digit.</exception>
    public static BoletoCode Parse(string text, DateOnly referenceDate) =>
        BoletoParser.Parse(text, referenceDate, out var error) ?? throw error.ToException();

    /// <summary>
    /// Parses a linha digitável only (47 digits boleto bancário, 48 arrecadação; punctuation allowed), with "today"
    /// from the system clock in America/Sao_Paulo. Use it when the user typed a linha: a linha with digits missing is
    /// then an error, never a barcode that happens to check.
    /// </summary>
    /// <param name="text">The linha digitável.</param>
    /// <exception cref="BoletoException">Not 47/48 digits, wrong character, layout or check digit.</exception>
    public static BoletoCode ParseLinhaDigitavel(string text) => ParseLinhaDigitavel(text, BrazilTime.Today(TimeProvider.System));

    /// <summary>Parses a linha digitável only (47 or 48 digits), decoding the due date around <paramref name="referenceDate"/>.</summary>
    /// <param name="text">The linha digitável, punctuation and spaces allowed.</param>
    /// <param name="referenceDate">"Today", or the date the code was read.</param>
    /// <exception cref="BoletoException">Not 47/48 digits, wrong character, layout or check digit.</exception>
    public static BoletoCode ParseLinhaDigitavel(string text, DateOnly referenceDate) =>
        BoletoParser.Parse(text, referenceDate, BoletoInput.DigitableLine, out var error) ?? throw error.ToException();

    /// <summary>Parses a barcode only (44 digits, nothing between them), with "today" from the system clock.</summary>
    /// <param name="text">The barcode, as a barcode reader returns it.</param>
    /// <exception cref="BoletoException">Not 44 digits, punctuation present, or a wrong check digit.</exception>
    public static BoletoCode ParseBarcode(string text) => ParseBarcode(text, BrazilTime.Today(TimeProvider.System));

    /// <summary>Parses a barcode only (44 digits), decoding the due date around <paramref name="referenceDate"/>.</summary>
    /// <param name="text">The barcode.</param>
    /// <param name="referenceDate">"Today", or the date the code was read.</param>
    /// <exception cref="BoletoException">Not 44 digits, punctuation present, or a wrong check digit.</exception>
    public static BoletoCode ParseBarcode(string text, DateOnly referenceDate) =>
        BoletoParser.Parse(text, referenceDate, BoletoInput.Barcode, out var error) ?? throw error.ToException();

    /// <summary>Tries to parse with "today" from the system clock; never throws.</summary>
    /// <param name="text">The code.</param>
    /// <param name="code">The parsed code, when valid.</param>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out BoletoCode? code) =>
        TryParse(text, BrazilTime.Today(TimeProvider.System), out code);

    /// <summary>Tries to parse relative to <paramref name="referenceDate"/>; never throws.</summary>
    /// <param name="text">The code.</param>
    /// <param name="referenceDate">"Today", or the date the code was read.</param>
    /// <param name="code">The parsed code, when valid.</param>
    public static bool TryParse([NotNullWhen(true)] string? text, DateOnly referenceDate, [NotNullWhen(true)] out BoletoCode? code)
    {
        code = BoletoParser.Parse(text, referenceDate, out _);
        return code is not null;
    }

    /// <summary>Builds a boleto bancário from its parts, computing the factor and every check digit.</summary>
    /// <param name="bankCode">The bank's 3-digit COMPE code.</param>
    /// <param name="dueDate">The due date (from 2000-07-03), or null for "no due date" (factor 0000).</param>
    /// <param name="amount">The amount in BRL (0 to 99,999,999.99, at most two decimals), or null for "to be informed".</param>
    /// <param name="freeField">The bank-specific 25-digit campo livre.</param>
    /// <exception cref="ArgumentException">A part has the wrong shape or range.</exception>
    public static BoletoCode CreateBank(string bankCode, DateOnly? dueDate, decimal? amount, string freeField)
    {
        ArgumentNullException.ThrowIfNull(bankCode);
        ArgumentNullException.ThrowIfNull(freeField);
        if (bankCode.Length != 3 || !bankCode.All(char.IsAsciiDigit)) throw new ArgumentException("The bank code has 3 digits.", nameof(bankCode));
        if (bankCode[0] == '8') throw new ArgumentException("A bank code cannot start with 8: that digit marks arrecadação.", nameof(bankCode));
        if (freeField.Length != 25 || !freeField.All(char.IsAsciiDigit)) throw new ArgumentException("The campo livre has 25 digits.", nameof(freeField));
        var value = amount ?? 0m;
        if (value is < 0 or > 99_999_999.99m || decimal.Round(value, 2) != value)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), "The amount must be 0 to 99,999,999.99 with at most two decimals.");
        }
        var factor = dueDate is { } date ? DueDateFactor.FromDate(date) : 0;
        var cents = (long)(value * 100);
        var body = string.Create(CultureInfo.InvariantCulture, $"{bankCode}9 {factor:0000}{cents:0000000000}{freeField}");
        var barcode = string.Concat(body.AsSpan(0, 4), BoletoParser.BankCheckDigit(body).ToString(CultureInfo.InvariantCulture), body.AsSpan(5));
        IReadOnlyList<BoletoWarning> warnings = barcode[4] == '1' ? [BoletoWarning.WeakCheckDigit] : [];
        return ForBank(barcode, BoletoParser.BankLine(barcode), factor == 0 ? null : factor, dueDate, false, cents == 0 ? null : value, warnings);
    }

    internal static BoletoCode ForBank(string barcode, string line, int? factor, DateOnly? dueDate, bool outOfRange, decimal? amount,
        IReadOnlyList<BoletoWarning> warnings) =>
        new(BoletoKind.Bank, barcode, line)
        {
            DueDateFactorValue = factor,
            DueDate = dueDate,
            IsDueDateOutOfRange = outOfRange,
            Amount = amount,
            Warnings = warnings,
        };

    internal static BoletoCode ForCollection(string barcode, string line, int segment, int valueIdentifier, decimal? amount,
        IReadOnlyList<BoletoWarning> warnings) =>
        new(BoletoKind.Collection, barcode, line)
        {
            Segment = segment,
            ValueIdentifier = valueIdentifier,
            Amount = amount,
            Warnings = warnings,
        };

    /// <summary>The formatted linha digitável.</summary>
    public override string ToString() => FormattedDigitableLine;
}
