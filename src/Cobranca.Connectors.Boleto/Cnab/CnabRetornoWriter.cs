using System.Globalization;
using System.Text;

namespace Cobranca.Connectors.Boleto.Cnab;

/// <summary>
/// Writes a <see cref="CnabRetornoFile"/> as a retorno file that <see cref="CnabRetornoParser"/> reads back: CNAB 240
/// (one lot, segments T and U, trailer counts and totals) or CNAB 400 for Banco do Brasil (CBR643), Bradesco, Itaú and
/// Sicoob. For test data and bank simulators: only the fields the parser reads are written, the rest is blank or zeros.
/// </summary>
public static class CnabRetornoWriter
{
    /// <summary>Writes the file: records separated by CRLF, a final CRLF; ASCII/Latin-1 text.</summary>
    /// <param name="file">The file; <see cref="CnabRetornoFile.Movements"/> in order.</param>
    /// <exception cref="ArgumentException">A value does not fit its field, a date is missing where required, or a CNAB 400 bank is not supported.</exception>
    public static string Write(CnabRetornoFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.BankCode is not { Length: 3 } || !file.BankCode.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("The bank code has 3 digits.", nameof(file));
        }
        var lines = file.Layout == CnabLayout.Cnab240 ? Write240(file) : Write400(file);
        var sb = new StringBuilder(lines.Count * 402);
        foreach (var line in lines) sb.Append(line).Append("\r\n");
        return sb.ToString();
    }

    /// <summary>Writes the file as Latin-1 bytes (what banks send).</summary>
    /// <param name="file">The file.</param>
    /// <exception cref="ArgumentException">See <see cref="Write"/>.</exception>
    public static byte[] WriteBytes(CnabRetornoFile file) => Encoding.Latin1.GetBytes(Write(file));

    private static List<string> Write240(CnabRetornoFile file)
    {
        var lines = new List<string>();
        var h = new Line(240);
        h.Text(1, 3, file.BankCode, "bank");
        h.Text(4, 8, "00000", "lote");
        h.Text(103, 132, file.BankName, nameof(file.BankName));
        h.Text(143, 143, "2", "retorno");
        h.Date8(144, 151, file.GeneratedOn, nameof(file.GeneratedOn));
        h.Number(152, 157, 0, "hora");
        h.Number(158, 163, file.FileSequence ?? 0, nameof(file.FileSequence));
        h.Text(164, 166, "087", "layout");
        lines.Add(h.ToString());

        var lh = new Line(240);
        lh.Text(1, 3, file.BankCode, "bank");
        lh.Text(4, 11, "00011T01", "lote");
        lh.Text(14, 16, "045", "layout do lote");
        lines.Add(lh.ToString());

        var seq = 0;
        var faceTotal = 0m;
        foreach (var m in file.Movements)
        {
            var t = new Line(240);
            t.Text(1, 3, file.BankCode, "bank");
            t.Text(4, 8, "00013", "lote");
            t.Number(9, 13, ++seq, "sequência");
            t.Text(14, 14, "T", "segmento");
            t.Code(16, 17, m.MovementCode);
            t.Text(38, 57, m.NossoNumero, nameof(m.NossoNumero));
            t.Text(59, 73, m.DocumentNumber, nameof(m.DocumentNumber));
            t.Date8(74, 81, m.DueDate, nameof(m.DueDate));
            t.Amount(82, 96, m.FaceValue, nameof(m.FaceValue));
            t.Text(106, 130, m.OurReference, nameof(m.OurReference));
            t.Amount(199, 213, m.Fee, nameof(m.Fee));
            t.Text(214, 223, string.Concat(m.Reasons.Select(r => r.PadLeft(2, '0'))).PadRight(10, '0'), nameof(m.Reasons));
            lines.Add(t.ToString());
            faceTotal += m.FaceValue;

            var u = new Line(240);
            u.Text(1, 3, file.BankCode, "bank");
            u.Text(4, 8, "00013", "lote");
            u.Number(9, 13, ++seq, "sequência");
            u.Text(14, 14, "U", "segmento");
            u.Code(16, 17, m.MovementCode);
            u.Amount(18, 32, m.InterestAndFine, nameof(m.InterestAndFine));
            u.Amount(33, 47, m.Discount, nameof(m.Discount));
            u.Amount(48, 62, m.Rebate, nameof(m.Rebate));
            u.Amount(63, 77, 0m, "IOF");
            u.Amount(78, 92, m.AmountPaid, nameof(m.AmountPaid));
            u.Amount(93, 107, m.NetCredited ?? 0m, nameof(m.NetCredited));
            u.Amount(108, 122, 0m, "outras despesas");
            u.Amount(123, 137, 0m, "outros créditos");
            u.Date8(138, 145, m.OccurrenceDate, nameof(m.OccurrenceDate));
            u.Date8(146, 153, m.CreditDate, nameof(m.CreditDate));
            lines.Add(u.ToString());
        }

        var lt = new Line(240);
        lt.Text(1, 3, file.BankCode, "bank");
        lt.Text(4, 8, "00015", "lote");
        lt.Number(18, 23, seq + 2, "registros do lote");
        lt.Number(24, 29, file.Movements.Count, "títulos");
        lt.Amount(30, 46, faceTotal, "valor total");
        lt.Text(47, 115, new string('0', 69), "outras carteiras");
        lines.Add(lt.ToString());

        var ft = new Line(240);
        ft.Text(1, 3, file.BankCode, "bank");
        ft.Text(4, 8, "99999", "lote");
        ft.Number(18, 23, 1, "lotes");
        ft.Number(24, 29, lines.Count + 1, "registros");
        lines.Add(ft.ToString());
        return lines;
    }

    private static List<string> Write400(CnabRetornoFile file)
    {
        var bank = Cnab400Bank.Find(file.BankCode)
            ?? throw new ArgumentException($"CNAB 400 of bank {file.BankCode} is not supported (001, 237, 341, 756 are).", nameof(file));
        var lines = new List<string>();
        var h = new Line(400);
        h.Text(1, 26, "02RETORNO01COBRANCA", "identificação");
        h.Text(77, 79, file.BankCode, "bank");
        h.Text(80, 94, file.BankName ?? bank.Name, nameof(file.BankName));
        h.Date6(95, 100, file.GeneratedOn, nameof(file.GeneratedOn));
        h.Number(395, 400, 1, "sequência");
        lines.Add(h.ToString());

        var faceTotal = 0m;
        var byCode = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var m in file.Movements)
        {
            var d = new Line(400);
            d.Text(1, 1, bank.DetailType.ToString(), "tipo");
            d.Text(bank.OurReference.Start, bank.OurReference.End, m.OurReference, nameof(m.OurReference));
            d.Text(bank.NossoNumero.Start, bank.NossoNumero.End, m.NossoNumero, nameof(m.NossoNumero));
            d.Code(109, 110, m.MovementCode);
            d.Date6(111, 116, m.OccurrenceDate, nameof(m.OccurrenceDate));
            d.Text(117, 126, m.DocumentNumber, nameof(m.DocumentNumber));
            d.Date6(147, 152, m.DueDate, nameof(m.DueDate));
            d.Amount(153, 165, m.FaceValue, nameof(m.FaceValue));
            d.Amount(bank.Fee.Start, bank.Fee.End, m.Fee, nameof(m.Fee));
            d.Date6(bank.CreditDate.Start, bank.CreditDate.End, m.CreditDate, nameof(m.CreditDate));
            d.Amount(228, 240, m.Rebate, nameof(m.Rebate));
            d.Amount(241, 253, m.Discount, nameof(m.Discount));
            d.Amount(254, 266, bank.PaidFieldIsNet && m.IsPayment ? m.AmountPaid - m.Fee : m.AmountPaid, nameof(m.AmountPaid));
            d.Amount(267, 279, m.InterestAndFine, nameof(m.InterestAndFine));
            if (bank.NetCredited is { } net) d.Amount(net.Start, net.End, m.NetCredited ?? 0m, nameof(m.NetCredited));
            d.Number(395, 400, lines.Count + 1, "sequência");
            lines.Add(d.ToString());
            faceTotal += m.FaceValue;
            byCode[m.MovementCode] = byCode.GetValueOrDefault(m.MovementCode) + 1;
        }

        var t = new Line(400);
        t.Text(1, 4, "9201", "identificação");
        t.Text(5, 7, file.BankCode, "bank");
        switch (bank.Code)
        {
            case "341":
                t.Number(213, 220, file.Movements.Count, "quantidade de detalhes");
                t.Amount(221, 234, faceTotal, "valor total informado");
                break;
            case "237":
                t.Number(58, 62, byCode.GetValueOrDefault("02"), "ocorrência 02");
                t.Number(87, 91, byCode.GetValueOrDefault("06"), "ocorrência 06");
                t.Number(104, 108, byCode.GetValueOrDefault("09") + byCode.GetValueOrDefault("10"), "ocorrências 09 e 10");
                break;
            default:
                t.Number(18, 25, 0, "títulos em cobrança simples");
                break;
        }
        t.Number(395, 400, lines.Count + 1, "sequência");
        lines.Add(t.ToString());
        return lines;
    }

    /// <summary>A fixed-width record being written (1-based inclusive positions).</summary>
    private sealed class Line(int length)
    {
        private readonly char[] _chars = Enumerable.Repeat(' ', length).ToArray();

        public void Text(int start, int end, string? value, string field)
        {
            if (value is null) return;
            var width = end - start + 1;
            if (value.Length > width) throw new ArgumentException($"{field} has {value.Length} characters; its CNAB field {start}–{end} holds {width}.", field);
            if (value.Any(c => c is '\r' or '\n' or '\u001A' || c > '\u00FF')) throw new ArgumentException($"{field} has a character that cannot be written (line break or outside Latin-1).", field);
            value.CopyTo(0, _chars, start - 1, value.Length);
        }

        public void Number(int start, int end, long value, string field)
        {
            var width = end - start + 1;
            var text = value.ToString(CultureInfo.InvariantCulture);
            if (value < 0 || text.Length > width) throw new ArgumentException($"{field} ({text}) does not fit {width} digits.", field);
            Text(start, end, text.PadLeft(width, '0'), field);
        }

        public void Amount(int start, int end, decimal value, string field)
        {
            if (decimal.Round(value, 2) != value) throw new ArgumentException($"{field} has more than two decimals.", field);
            Number(start, end, (long)(value * 100), field);
        }

        public void Code(int start, int end, string code)
        {
            if (code is null || code.Length != end - start + 1 || !code.All(char.IsAsciiDigit)) throw new ArgumentException("The movement code has 2 digits.", nameof(code));
            Text(start, end, code, "movement code");
        }

        public void Date8(int start, int end, DateOnly? date, string field) =>
            Text(start, end, date?.ToString("ddMMyyyy", CultureInfo.InvariantCulture) ?? "00000000", field);

        public void Date6(int start, int end, DateOnly? date, string field)
        {
            if (date is { Year: < 1970 or > 2069 }) throw new ArgumentException($"{field}: CNAB 400 dates (DDMMAA) cover 1970–2069.", field);
            Text(start, end, date?.ToString("ddMMyy", CultureInfo.InvariantCulture) ?? "000000", field);
        }

        public override string ToString() => new(_chars);
    }
}
