using CsCheck;
using static Cobranca.Connectors.Pix.Tests.BrCodeVectors;

namespace Cobranca.Connectors.Pix.Tests;

public class BrCodePropertyTests
{
    /// <summary>
    /// Replacement characters for the exhaustive corruption test: all of ASCII (controls included) plus non-ASCII
    /// letters, symbols, a combining mark, separators and a lone surrogate.
    /// </summary>
    private static readonly char[] Replacements = Enumerable.Range(0, 128).Select(i => (char)i)
        .Concat("éÉçÇãÓ\u00A0\u0085\u2028\u0301\uFFFD\uD83D€ß")
        .ToArray();

    [Theory]
    [MemberData(nameof(ValidIds), MemberType = typeof(BrCodeVectors))]
    public void Every_single_character_substitution_is_rejected(string id)
    {
        var payload = Valid(id);
        var tried = 0;
        for (var i = 0; i < payload.Length; i++)
        {
            foreach (var c in Replacements)
            {
                if (c == payload[i]) continue;
                var corrupted = string.Concat(payload.AsSpan(0, i), c.ToString(), payload.AsSpan(i + 1));
                tried++;
                if (i >= payload.Length - 4 && c != payload[i] && char.ToUpperInvariant(c) == payload[i])
                {
                    // The CRC's value is what counts: the same digits in lower case are accepted, with a warning.
                    Assert.Contains(BrCodeWarning.LowerCaseCrc, BrCode.Parse(corrupted).Warnings);
                    continue;
                }
                // White space around a payload is trimmed by design: replacing the first or last character by it
                // shortens the payload, which must be rejected as well.
                Assert.False(BrCode.TryParse(corrupted, out _), $"{id}: position {i}, '{c}' (U+{(int)c:X4}) was accepted");
                Assert.Throws<BrCodeException>(() => BrCode.Parse(corrupted));
            }
        }
        Assert.Equal((payload.Length * Replacements.Length) - payload.Count(Replacements.Contains), tried);
    }

    [Theory]
    [MemberData(nameof(ValidIds), MemberType = typeof(BrCodeVectors))]
    public void Every_single_character_deletion_and_adjacent_swap_is_rejected(string id)
    {
        var payload = Valid(id);
        for (var i = 0; i < payload.Length; i++)
        {
            Assert.False(BrCode.TryParse(payload.Remove(i, 1), out _), $"{id}: deletion at {i} accepted");
            if (i + 1 < payload.Length && payload[i] != payload[i + 1])
            {
                var swapped = payload.ToCharArray();
                (swapped[i], swapped[i + 1]) = (swapped[i + 1], swapped[i]);
                Assert.False(BrCode.TryParse(new string(swapped), out _), $"{id}: swap at {i} accepted");
            }
        }
    }

    private static readonly Gen<string> GenCpf = Gen.Int[0, 999_999_999].Select(n =>
    {
        var d = n.ToString("000000000").Select(c => c - '0').ToList();
        for (var len = 9; len <= 10; len++)
        {
            var sum = 0;
            for (var i = 0; i < len; i++) sum += d[i] * (len + 1 - i);
            var r = sum % 11;
            d.Add(r < 2 ? 0 : 11 - r);
        }
        return string.Concat(d);
    }).Where(c => c.Distinct().Count() > 1);

    private static readonly Gen<string> GenKey = Gen.OneOf(
        Gen.Guid.Select(g => g.ToString()),
        GenCpf,
        Gen.Long[10_000_000, 99_999_999].Select(Gen.Int[11, 99].Where(d => d % 10 != 0), (n, ddd) => $"+55{ddd}9{n}"),
        Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789._-"], 1, 20].Where(s => !s.StartsWith('.') && !s.StartsWith('-'))
            .Select(local => local + "@provedor.com.br"));

    private static readonly Gen<string> GenText = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789áéíóúãõçÁÉÍÓÚÃÕÇ.-&'"], 1, 40]
        .Where(s => s.Any(char.IsAsciiLetterOrDigit));

    private static readonly Gen<decimal?> GenAmount = Gen.Frequency(
        (1, Gen.Const((decimal?)null)),
        (4, Gen.Long[1, 999_999_999_999L].Select(c => (decimal?)(c / 100m))));

    private static readonly Gen<string?> GenTxId = Gen.Frequency(
        (1, Gen.Const((string?)null)),
        (3, Gen.String[Gen.Char.AlphaNumeric, 1, 25].Select(s => (string?)s)));

    [Fact]
    public void Static_build_then_parse_round_trips()
    {
        Gen.Select(GenKey, GenText, GenText, GenAmount, GenTxId).Sample((key, name, city, amount, txId) =>
        {
            var payload = BrCode.Build(new BrCodeStaticRequest { PixKey = key, MerchantName = name, MerchantCity = city, Amount = amount, TxId = txId });
            var code = BrCode.Parse(payload);
            Assert.Equal(key.ToLowerInvariant(), code.PixKey);
            Assert.Equal(amount, code.Amount);
            Assert.Equal(txId, code.TxId);
            Assert.True(code.MerchantName.Length is > 0 and <= 25 && code.MerchantName.All(c => c is >= ' ' and <= '~'));
            Assert.True(code.MerchantCity.Length is > 0 and <= 15);
            Assert.Empty(code.Warnings);
            Assert.Equal(payload, BrCode.Build(new BrCodeStaticRequest
            {
                PixKey = code.PixKey!, MerchantName = code.MerchantName, MerchantCity = code.MerchantCity, Amount = code.Amount, TxId = code.TxId,
            }));
        }, iter: 1500);
    }

    [Fact]
    public void Dynamic_build_then_parse_round_trips()
    {
        var genUrl = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789/-._"], 1, 50].Select(p => "pix.example.com/" + p);
        Gen.Select(genUrl, GenText, GenAmount).Sample((url, name, amount) =>
        {
            var code = BrCode.Parse(BrCode.Build(new BrCodeDynamicRequest { Url = url, MerchantName = name, MerchantCity = "Recife", Amount = amount }));
            Assert.True(code.IsDynamic);
            Assert.True(code.IsSingleUse);
            Assert.Equal(url, code.Url);
            Assert.Equal(amount, code.Amount);
            Assert.Null(code.TxId);
        }, iter: 500);
    }

    private static void OnlyTypedErrors(string input)
    {
        try
        {
            BrCode.TryParse(input, out _);
            BrCode.TryParse(input, out _, out _);
            BrCode.Parse(input);
        }
        catch (BrCodeException)
        {
        }
    }

    [Fact]
    public void Random_text_never_crashes_the_parser()
    {
        Gen.String.Sample(OnlyTypedErrors, iter: 2000);
    }

    [Fact]
    public void Random_bytes_never_crash_the_parser()
    {
        Gen.Byte.Array[0, 600].Sample(bytes =>
        {
            OnlyTypedErrors(System.Text.Encoding.UTF8.GetString(bytes));
            OnlyTypedErrors(System.Text.Encoding.Latin1.GetString(bytes));
        }, iter: 1000);
    }

    [Fact]
    public void Tlv_shaped_noise_and_mutated_codes_never_crash_the_parser()
    {
        var valid = AllValid().Select(v => v.Payload).ToArray();
        // Digit-heavy strings reach the TLV walk and the nested templates; mutated real codes reach the field rules.
        var noise = Gen.String[Gen.Char["0123456789012345678901234567890123456789.*ABbr"], 0, 200];
        var mutated = Gen.Select(Gen.Int[0, valid.Length - 1], Gen.Int[0, 200], Gen.Int[0, 5], Gen.String[Gen.Char, 0, 6])
            .Select((v, at, cut, insert) =>
            {
                var p = valid[v];
                var i = Math.Min(at, p.Length);
                return p[..i] + insert + p[Math.Min(p.Length, i + cut)..];
            });
        Gen.OneOf(noise, mutated).Sample(s =>
        {
            OnlyTypedErrors(s);
            // Re-sealing with a correct CRC pushes the input past the CRC check into the field rules.
            OnlyTypedErrors(s.Length >= 8 ? WithCrc(s[..^8]) : WithCrc(s));
        }, iter: 2500);
    }
}
