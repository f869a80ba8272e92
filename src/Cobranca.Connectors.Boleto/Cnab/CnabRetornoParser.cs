using System.Globalization;
using System.Text;

namespace Cobranca.Connectors.Boleto.Cnab;

/// <summary>
/// Reads a CNAB retorno file (CNAB 240 FEBRABAN; CNAB 400 of Banco do Brasil, Bradesco, Itaú and Sicoob) into a
/// <see cref="CnabRetornoFile"/>. The whole file is read and checked before anything is returned: structure, bank
/// codes, record sequence numbers, trailer record counts and totals. Any problem is a
/// <see cref="CnabRetornoException"/> naming the line, position and field; nothing else escapes, whatever the bytes.
/// </summary>
/// <remarks>
/// Tolerated: UTF-8 or Latin-1 (Windows-1252 files decode as Latin-1), a byte-order mark, CRLF or LF, a trailing
/// end-of-file character (0x1A) and blank lines at the end, and lines whose trailing blanks were trimmed.
/// See docs/cnab-retorno.md for the positions read per bank.
/// </remarks>
public static class CnabRetornoParser
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a file from its bytes.</summary>
    /// <param name="content">The file's bytes (UTF-8 or Latin-1).</param>
    /// <param name="options">Optional checks.</param>
    /// <exception cref="CnabRetornoException">The file is malformed.</exception>
    public static CnabRetornoFile Parse(ReadOnlySpan<byte> content, CnabRetornoOptions? options = null) =>
        Parse(Decode(content), options);

    /// <summary>Reads a file from its text.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="options">Optional checks.</param>
    /// <exception cref="CnabRetornoException">The file is malformed.</exception>
    public static CnabRetornoFile Parse(string text, CnabRetornoOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= new CnabRetornoOptions();
        var lines = SplitLines(text);
        if (lines.Count == 0) throw new CnabRetornoException(CnabErrorKind.Empty, 0, 0, "file", "The file has no records.");
        var first = lines[0];
        var file = DetectLayout(first) == CnabLayout.Cnab240 ? Cnab240(lines, options) : Cnab400(lines);
        if (options.ExpectedBankCode is { } expected && !string.Equals(expected, file.BankCode, StringComparison.Ordinal))
        {
            throw new CnabRetornoException(CnabErrorKind.BankMismatch, 1, file.Layout == CnabLayout.Cnab240 ? 1 : 77, "código do banco",
                $"the file is from bank {file.BankCode}, expected {expected}.");
        }
        return file;
    }

    /// <summary>Reads a file from a stream (read to the end first: nothing is returned from a partly read file).</summary>
    /// <param name="stream">The file.</param>
    /// <param name="options">Optional checks.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="CnabRetornoException">The file is malformed.</exception>
    public static async Task<CnabRetornoFile> ParseAsync(Stream stream, CnabRetornoOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), options);
    }

    /// <summary>Tries to read a file; never throws.</summary>
    /// <param name="content">The file's bytes.</param>
    /// <param name="file">The file, when valid.</param>
    /// <param name="error">What is wrong, when invalid.</param>
    /// <param name="options">Optional checks.</param>
    public static bool TryParse(ReadOnlySpan<byte> content, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CnabRetornoFile? file,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out CnabRetornoException? error, CnabRetornoOptions? options = null)
    {
        try
        {
            file = Parse(content, options);
            error = null;
            return true;
        }
        catch (CnabRetornoException ex)
        {
            file = null;
            error = ex;
            return false;
        }
    }

    internal static string Decode(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) content = content[3..];
        try
        {
            return StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(content);
        }
    }

    private static List<(int Number, string Text)> SplitLines(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var raw = text.Split('\n');
        var lines = new List<(int, string)>(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var line = raw[i];
            if (line.EndsWith('\r')) line = line[..^1];
            lines.Add((i + 1, line));
        }
        // Trailing blank lines and the DOS end-of-file character are not records.
        while (lines.Count > 0)
        {
            var last = lines[^1].Item2.TrimEnd(' ', '\t', '\r', '\u001A');
            if (last.Length > 0)
            {
                lines[^1] = (lines[^1].Item1, lines[^1].Item2.TrimEnd('\u001A', '\r'));
                break;
            }
            lines.RemoveAt(lines.Count - 1);
        }
        return lines;
    }

    private static CnabLayout DetectLayout((int Number, string Text) first)
    {
        var t = first.Text;
        if (t.Length >= 2 && t[0] == '0' && t[1] == '1' && (t.Length < 9 || t.AsSpan(2, 7).SequenceEqual("REMESSA") || t.TrimEnd().Length > 240))
        {
            throw new CnabRetornoException(CnabErrorKind.NotARetorno, 1, 2, "identificação do arquivo", "this is a CNAB 400 remessa (01REMESSA), not a retorno.");
        }
        if (t.Length >= 9 && t.AsSpan(0, 9).SequenceEqual("02RETORNO")) return CnabLayout.Cnab400;
        if (t.Length >= 8 && t.AsSpan(0, 3).ContainsAnyExcept("0123456789") is false && t[7] == '0') return CnabLayout.Cnab240;
        if (t.Length >= 2 && t[0] == '0' && t[1] == '2' && t.TrimEnd().Length > 240) return CnabLayout.Cnab400;
        throw new CnabRetornoException(CnabErrorKind.UnknownLayout, 1, 1, "header de arquivo",
            "not a CNAB retorno header: CNAB 400 starts with 02RETORNO; CNAB 240 has the bank code in 1–3 and record type 0 in position 8.");
    }

    private static CnabRecord Record((int Number, string Text) line, int length)
    {
        var text = line.Text.TrimEnd(' ', '\t');
        if (text.Length == 0)
        {
            throw new CnabRetornoException(CnabErrorKind.InvalidStructure, line.Number, 0, "registro", "blank line between records.");
        }
        if (text.Length > length)
        {
            throw new CnabRetornoException(CnabErrorKind.InvalidLineLength, line.Number, length + 1, "registro",
                $"the line has {text.Length.ToString(CultureInfo.InvariantCulture)} characters; a CNAB {length.ToString(CultureInfo.InvariantCulture)} record has {length.ToString(CultureInfo.InvariantCulture)}.");
        }
        return new CnabRecord(line.Number, text.PadRight(length));
    }

    internal static CnabMovementKind Febraban240Kind(string code) => code switch
    {
        "02" => CnabMovementKind.EntryConfirmed,
        "03" => CnabMovementKind.EntryRejected,
        "06" => CnabMovementKind.Paid,
        "17" => CnabMovementKind.PaidAfterWriteOff,
        "09" => CnabMovementKind.WrittenOff,
        "28" => CnabMovementKind.FeeCharged,
        _ => CnabMovementKind.Other,
    };

    private static CnabRetornoFile Cnab240(List<(int Number, string Text)> lines, CnabRetornoOptions options)
    {
        var warnings = new List<string>();
        var header = Record(lines[0], 240);
        var bank = header.Code(1, 3, "código do banco");
        if (header.Raw(4, 7) != "0000") throw header.Error(CnabErrorKind.InvalidField, 4, "lote de serviço", "the file header's lot is 0000.");
        DateOnly? generatedOn = null;
        long? sequence = null;
        switch (header.At(143))
        {
            case '2':
                generatedOn = header.Date(144, 151, "data de geração");
                sequence = header.Number(158, 163, "número sequencial do arquivo (NSA)");
                break;
            case '1':
                throw header.Error(CnabErrorKind.NotARetorno, 143, "código remessa/retorno", "this is a CNAB 240 remessa (1), not a retorno (2).");
            default:
                // Some banks' files (a public Sicoob sample among them) have a shortened file header: the fields after
                // the company name are not at the FEBRABAN positions, so they are not read.
                warnings.Add("The file header has no retorno flag (2) at position 143: its date and sequence number (NSA) were not read.");
                break;
        }

        var movements = new List<CnabMovement>();
        var lots = 0;
        var inLot = false;
        string? lot = null;
        var lotRecords = 0;
        var lotSequence = 0;
        var lotTitles = 0;
        var lotFaceTotal = 0m;
        (CnabRecord Record, CnabMovement Movement, string Code)? pendingT = null;
        var trailerSeen = false;
        var ignoredSegments = new SortedSet<char>();
        for (var i = 1; i < lines.Count; i++)
        {
            var r = Record(lines[i], 240);
            if (trailerSeen) throw r.Error(CnabErrorKind.InvalidStructure, 0, "registro", "a record after the file trailer.");
            var recordBank = r.Code(1, 3, "código do banco");
            if (recordBank != bank)
            {
                throw r.Error(CnabErrorKind.BankMismatch, 1, "código do banco", $"bank {recordBank} in a file of bank {bank}.");
            }
            var type = r.At(8);
            switch (type)
            {
                case '1':
                    if (inLot) throw r.Error(CnabErrorKind.InvalidStructure, 8, "tipo de registro", "a lot header inside a lot (lot trailer missing).");
                    inLot = true;
                    lots++;
                    lot = r.Code(4, 7, "lote de serviço");
                    lotRecords = 1;
                    lotSequence = 0;
                    lotTitles = 0;
                    lotFaceTotal = 0m;
                    break;
                case '3':
                {
                    if (!inLot) throw r.Error(CnabErrorKind.InvalidStructure, 8, "tipo de registro", "a detail outside a lot (lot header missing).");
                    CheckLot(r, lot!);
                    lotRecords++;
                    var seq = (int)r.RequiredNumber(9, 13, "número sequencial do registro no lote");
                    if (seq != lotSequence + 1)
                    {
                        throw r.Error(CnabErrorKind.InvalidStructure, 9, "número sequencial do registro no lote",
                            $"sequence {seq.ToString(CultureInfo.InvariantCulture)}, expected {(lotSequence + 1).ToString(CultureInfo.InvariantCulture)} (a record is missing or repeated).");
                    }
                    lotSequence = seq;
                    var segment = r.At(14);
                    if (segment == 'T')
                    {
                        if (pendingT is { } orphan) throw orphan.Record.Error(CnabErrorKind.InvalidStructure, 14, "segmento", "segment T without its segment U.");
                        var t = SegmentT(r);
                        pendingT = (r, t, t.MovementCode);
                        lotTitles++;
                        lotFaceTotal += t.FaceValue;
                    }
                    else if (segment == 'U')
                    {
                        if (pendingT is not { } tt) throw r.Error(CnabErrorKind.InvalidStructure, 14, "segmento", "segment U without a segment T before it.");
                        movements.Add(SegmentU(r, tt.Movement));
                        pendingT = null;
                    }
                    else
                    {
                        if (pendingT is { } orphan) throw orphan.Record.Error(CnabErrorKind.InvalidStructure, 14, "segmento", "segment T not followed by its segment U.");
                        ignoredSegments.Add(segment);
                    }
                    break;
                }
                case '5':
                {
                    if (!inLot) throw r.Error(CnabErrorKind.InvalidStructure, 8, "tipo de registro", "a lot trailer outside a lot.");
                    CheckLot(r, lot!);
                    if (pendingT is { } orphan) throw orphan.Record.Error(CnabErrorKind.InvalidStructure, 14, "segmento", "segment T without its segment U.");
                    lotRecords++;
                    var declared = r.RequiredNumber(18, 23, "quantidade de registros do lote");
                    if (declared != lotRecords)
                    {
                        throw r.Error(CnabErrorKind.TotalMismatch, 18, "quantidade de registros do lote",
                            $"the trailer says {declared.ToString(CultureInfo.InvariantCulture)} records, the lot has {lotRecords.ToString(CultureInfo.InvariantCulture)}.");
                    }
                    CheckLotTotals(r, lotTitles, lotFaceTotal, options);
                    inLot = false;
                    break;
                }
                case '9':
                {
                    if (inLot) throw r.Error(CnabErrorKind.InvalidStructure, 8, "tipo de registro", "the file trailer inside a lot (lot trailer missing).");
                    if (r.Raw(4, 7) != "9999") throw r.Error(CnabErrorKind.InvalidField, 4, "lote de serviço", "the file trailer's lot is 9999.");
                    var declaredLots = r.RequiredNumber(18, 23, "quantidade de lotes do arquivo");
                    if (declaredLots != lots)
                    {
                        throw r.Error(CnabErrorKind.TotalMismatch, 18, "quantidade de lotes do arquivo",
                            $"the trailer says {declaredLots.ToString(CultureInfo.InvariantCulture)} lots, the file has {lots.ToString(CultureInfo.InvariantCulture)}.");
                    }
                    var declaredRecords = r.RequiredNumber(24, 29, "quantidade de registros do arquivo");
                    if (declaredRecords != i + 1)
                    {
                        throw r.Error(CnabErrorKind.TotalMismatch, 24, "quantidade de registros do arquivo",
                            $"the trailer says {declaredRecords.ToString(CultureInfo.InvariantCulture)} records, the file has {(i + 1).ToString(CultureInfo.InvariantCulture)}.");
                    }
                    trailerSeen = true;
                    break;
                }
                default:
                    throw r.Error(CnabErrorKind.InvalidStructure, 8, "tipo de registro",
                        type == '0' ? "a second file header." : "unknown record type (0, 1, 3, 5 or 9 expected).");
            }
        }
        if (!trailerSeen)
        {
            throw new CnabRetornoException(CnabErrorKind.InvalidStructure, lines[^1].Number, 0, "trailer de arquivo",
                "the file ends without its trailer (record type 9): truncated?");
        }
        foreach (var s in ignoredSegments) warnings.Add($"Segment {s} records were counted but not read.");
        return new CnabRetornoFile
        {
            Layout = CnabLayout.Cnab240,
            BankCode = bank,
            BankName = header.OptionalText(103, 132),
            GeneratedOn = generatedOn,
            FileSequence = sequence,
            Movements = movements,
            Warnings = warnings,
        };
    }

    private static void CheckLot(CnabRecord r, string lot)
    {
        var value = r.Code(4, 7, "lote de serviço");
        if (value != lot) throw r.Error(CnabErrorKind.InvalidStructure, 4, "lote de serviço", $"lot {value} inside lot {lot}.");
    }

    private static void CheckLotTotals(CnabRecord r, int titles, decimal faceTotal, CnabRetornoOptions options)
    {
        // Cobrança simples, vinculada, caucionada, descontada: (count, total) pairs.
        ReadOnlySpan<(int CountStart, int CountEnd, int TotalStart, int TotalEnd)> pairs =
            [(24, 29, 30, 46), (47, 52, 53, 69), (70, 75, 76, 92), (93, 98, 99, 115)];
        long count = 0;
        decimal total = 0;
        foreach (var (cs, ce, ts, te) in pairs)
        {
            count += r.Number(cs, ce, "quantidade de títulos em cobrança") ?? 0;
            total += r.Amount(ts, te, "valor total dos títulos em carteira");
        }
        if (!options.VerifyLotTotals || (count == 0 && total == 0)) return;
        if (count != titles)
        {
            throw r.Error(CnabErrorKind.TotalMismatch, 24, "quantidade de títulos em cobrança",
                $"the lot trailer counts {count.ToString(CultureInfo.InvariantCulture)} titles, the lot has {titles.ToString(CultureInfo.InvariantCulture)} segments T.");
        }
        if (total != faceTotal)
        {
            throw r.Error(CnabErrorKind.TotalMismatch, 30, "valor total dos títulos em carteira",
                $"the lot trailer totals {total.ToString("0.00", CultureInfo.InvariantCulture)}, the segments T add up to {faceTotal.ToString("0.00", CultureInfo.InvariantCulture)}.");
        }
    }

    private static CnabMovement SegmentT(CnabRecord r)
    {
        var code = r.Code(16, 17, "código de movimento retorno");
        var nosso = r.OptionalText(38, 57)
            ?? throw r.Error(CnabErrorKind.InvalidField, 38, "nosso número", "the nosso número is blank.");
        var reasons = new List<string>();
        for (var p = 214; p < 224; p += 2)
        {
            var reason = r.Raw(p, p + 1);
            if (reason != "00" && !string.IsNullOrWhiteSpace(reason)) reasons.Add(reason.Trim());
        }
        return new CnabMovement
        {
            LineNumber = r.LineNumber,
            MovementCode = code,
            Kind = Febraban240Kind(code),
            NossoNumero = nosso,
            DocumentNumber = r.OptionalText(59, 73),
            DueDate = r.Date(74, 81, "data de vencimento"),
            FaceValue = r.Amount(82, 96, "valor nominal do título"),
            OurReference = r.Reference(106, 130),
            Fee = r.Amount(199, 213, "valor da tarifa"),
            Reasons = reasons,
        };
    }

    private static CnabMovement SegmentU(CnabRecord r, CnabMovement t)
    {
        var code = r.Code(16, 17, "código de movimento retorno");
        if (code != t.MovementCode)
        {
            throw r.Error(CnabErrorKind.InvalidStructure, 16, "código de movimento retorno",
                $"segment U has movement {code}, its segment T {t.MovementCode}.");
        }
        var occurrence = r.Date(138, 145, "data da ocorrência");
        var credit = r.Date(146, 153, "data do crédito");
        if (t.IsPayment && occurrence is null && credit is null)
        {
            throw r.Error(CnabErrorKind.InvalidField, 138, "data da ocorrência", "a liquidation without an occurrence or credit date.");
        }
        return new CnabMovement
        {
            LineNumber = t.LineNumber,
            MovementCode = t.MovementCode,
            Kind = t.Kind,
            NossoNumero = t.NossoNumero,
            DocumentNumber = t.DocumentNumber,
            DueDate = t.DueDate,
            FaceValue = t.FaceValue,
            OurReference = t.OurReference,
            Fee = t.Fee,
            Reasons = t.Reasons,
            InterestAndFine = r.Amount(18, 32, "juros/multa/encargos"),
            Discount = r.Amount(33, 47, "valor do desconto concedido"),
            Rebate = r.Amount(48, 62, "valor do abatimento"),
            AmountPaid = r.Amount(78, 92, "valor pago pelo pagador"),
            NetCredited = r.Amount(93, 107, "valor líquido a ser creditado"),
            OccurrenceDate = occurrence,
            CreditDate = credit,
        };
    }

    private static CnabRetornoFile Cnab400(List<(int Number, string Text)> lines)
    {
        var warnings = new List<string>();
        var header = Record(lines[0], 400);
        var bankCode = header.Code(77, 79, "código do banco");
        var bank = Cnab400Bank.Find(bankCode) ?? throw header.Error(CnabErrorKind.UnsupportedBank, 77, "código do banco",
            $"CNAB 400 of bank {bankCode} is not supported (001, 237, 341, 756 are); CNAB 240 is the same for every bank.");
        CheckSequence(header, 1);
        var generatedOn = header.Date(95, 100, "data de gravação");

        var movements = new List<CnabMovement>();
        var details = 0;
        var faceTotal = 0m;
        var byCode = new Dictionary<string, int>(StringComparer.Ordinal);
        var trailerSeen = false;
        var ignoredTypes = new SortedSet<char>();
        for (var i = 1; i < lines.Count; i++)
        {
            var r = Record(lines[i], 400);
            if (trailerSeen) throw r.Error(CnabErrorKind.InvalidStructure, 0, "registro", "a record after the file trailer.");
            CheckSequence(r, i + 1);
            var type = r.At(1);
            if (type == bank.DetailType)
            {
                var m = Detail400(r, bank);
                movements.Add(m);
                details++;
                faceTotal += m.FaceValue;
                byCode[m.MovementCode] = byCode.GetValueOrDefault(m.MovementCode) + 1;
            }
            else if (type == '9')
            {
                if (r.At(2) != '2') throw r.Error(CnabErrorKind.InvalidField, 2, "código de retorno", "the trailer's position 2 is 2 (retorno).");
                var trailerBank = r.Code(5, 7, "código do banco");
                if (trailerBank != bankCode) throw r.Error(CnabErrorKind.BankMismatch, 5, "código do banco", $"bank {trailerBank} in a file of bank {bankCode}.");
                CheckTrailer400(r, bank, details, faceTotal, byCode);
                trailerSeen = true;
            }
            else if (bank.Code == "001" && type == '1')
            {
                throw r.Error(CnabErrorKind.UnsupportedBank, 1, "tipo de registro",
                    "Banco do Brasil detail type 1 (CBR641, 6-digit convênio) is not supported; type 7 (CBR643) is.");
            }
            else if (type is >= '1' and <= '8')
            {
                ignoredTypes.Add(type);
            }
            else
            {
                throw r.Error(CnabErrorKind.InvalidStructure, 1, "tipo de registro",
                    type == '0' ? "a second file header." : $"unknown record type (detail {bank.DetailType} or trailer 9 expected).");
            }
        }
        if (!trailerSeen)
        {
            throw new CnabRetornoException(CnabErrorKind.InvalidStructure, lines[^1].Number, 0, "trailer de arquivo",
                "the file ends without its trailer (record type 9): truncated?");
        }
        foreach (var t in ignoredTypes) warnings.Add($"Record type {t} lines were counted but not read.");
        return new CnabRetornoFile
        {
            Layout = CnabLayout.Cnab400,
            BankCode = bankCode,
            BankName = header.OptionalText(80, 94),
            GeneratedOn = generatedOn,
            Movements = movements,
            Warnings = warnings,
        };
    }

    private static void CheckSequence(CnabRecord r, int expected)
    {
        var seq = r.RequiredNumber(395, 400, "número sequencial do registro");
        if (seq != expected)
        {
            throw r.Error(CnabErrorKind.TotalMismatch, 395, "número sequencial do registro",
                $"sequence {seq.ToString(CultureInfo.InvariantCulture)}, expected {expected.ToString(CultureInfo.InvariantCulture)} (a record is missing, repeated or out of order).");
        }
    }

    private static CnabMovement Detail400(CnabRecord r, Cnab400Bank bank)
    {
        var code = r.Code(109, 110, "código de ocorrência");
        var kind = bank.Kind(code);
        var nosso = r.OptionalText(bank.NossoNumero.Start, bank.NossoNumero.End)
            ?? (bank.NossoNumeroFallback is { } fb ? r.OptionalText(fb.Start, fb.End) : null)
            ?? throw r.Error(CnabErrorKind.InvalidField, bank.NossoNumero.Start, "nosso número", "the nosso número is blank.");
        var fee = r.Amount(bank.Fee.Start, bank.Fee.End, "tarifa de cobrança");
        var paid = r.Amount(254, 266, bank.PaidFieldIsNet ? "valor principal" : "valor pago");
        var occurrence = r.Date(111, 116, "data de ocorrência");
        var credit = r.Date(bank.CreditDate.Start, bank.CreditDate.End, "data do crédito");
        var isPayment = kind is CnabMovementKind.Paid or CnabMovementKind.PaidAfterWriteOff;
        if (isPayment && occurrence is null && credit is null)
        {
            throw r.Error(CnabErrorKind.InvalidField, 111, "data de ocorrência", "a liquidation without an occurrence or credit date.");
        }
        return new CnabMovement
        {
            LineNumber = r.LineNumber,
            MovementCode = code,
            Kind = kind,
            NossoNumero = nosso,
            OurReference = r.Reference(bank.OurReference.Start, bank.OurReference.End),
            DocumentNumber = r.OptionalText(117, 126),
            DueDate = r.Date(147, 152, "data de vencimento"),
            FaceValue = r.Amount(153, 165, "valor do título"),
            Fee = fee,
            Rebate = r.Amount(228, 240, "valor do abatimento"),
            Discount = r.Amount(241, 253, "valor do desconto"),
            AmountPaid = bank.PaidFieldIsNet && isPayment ? paid + fee : paid,
            NetCredited = bank.PaidFieldIsNet ? paid
                : bank.NetCredited is { } net ? r.Amount(net.Start, net.End, "valor lançado em conta") : null,
            InterestAndFine = r.Amount(267, 279, "juros de mora e multa"),
            OccurrenceDate = occurrence,
            CreditDate = credit,
        };
    }

    private static void CheckTrailer400(CnabRecord r, Cnab400Bank bank, int details, decimal faceTotal, Dictionary<string, int> byCode)
    {
        switch (bank.Code)
        {
            case "341":
            {
                var count = r.Number(213, 220, "quantidade de detalhes") ?? 0;
                if (count != details)
                {
                    throw r.Error(CnabErrorKind.TotalMismatch, 213, "quantidade de detalhes",
                        $"the trailer counts {count.ToString(CultureInfo.InvariantCulture)} details, the file has {details.ToString(CultureInfo.InvariantCulture)}.");
                }
                var total = r.Amount(221, 234, "valor total informado");
                if (total != faceTotal)
                {
                    throw r.Error(CnabErrorKind.TotalMismatch, 221, "valor total informado",
                        $"the trailer totals {total.ToString("0.00", CultureInfo.InvariantCulture)}, the details add up to {faceTotal.ToString("0.00", CultureInfo.InvariantCulture)}.");
                }
                break;
            }
            case "237":
                CheckCount(r, 58, 62, "quantidade de registros ocorrência 02 (entradas confirmadas)", byCode.GetValueOrDefault("02"));
                CheckCount(r, 87, 91, "quantidade de registros ocorrência 06 (liquidação)", byCode.GetValueOrDefault("06"));
                CheckCount(r, 104, 108, "quantidade de registros ocorrências 09 e 10 (baixados)", byCode.GetValueOrDefault("09") + byCode.GetValueOrDefault("10"));
                break;
            default:
                // Banco do Brasil (CBR643) and Sicoob trailers carry portfolio totals, not the file's: only the sequence is checked.
                r.Number(18, 25, "quantidade de títulos em cobrança simples");
                break;
        }
    }

    private static void CheckCount(CnabRecord r, int start, int end, string field, int actual)
    {
        var declared = r.Number(start, end, field) ?? 0;
        if (declared != actual)
        {
            throw r.Error(CnabErrorKind.TotalMismatch, start, field,
                $"the trailer counts {declared.ToString(CultureInfo.InvariantCulture)}, the file has {actual.ToString(CultureInfo.InvariantCulture)}.");
        }
    }
}
