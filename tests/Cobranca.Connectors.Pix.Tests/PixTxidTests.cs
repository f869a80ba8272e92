using CsCheck;

namespace Cobranca.Connectors.Pix.Tests;

public class PixTxidTests
{
    [Theory]
    [InlineData("ISP1", "123")]
    [InlineData("", "1")]
    [InlineData("T", "FAT2024000123")]
    [InlineData("TENANT0001", "123456789012345678")]
    public void ForInvoice_is_a_valid_BACEN_txid_and_maps_back_to_the_invoice(string prefix, string invoiceId)
    {
        var txid = PixTxid.ForInvoice(prefix, invoiceId);

        Assert.True(PixTxid.IsValid(txid));
        Assert.InRange(txid.Length, 26, 35);
        Assert.Equal(txid, PixTxid.ForInvoice(prefix, invoiceId)); // deterministic: PUT is safe to repeat
        Assert.True(PixTxid.TryGetInvoiceId(txid, prefix, out var back, out var attempt));
        Assert.Equal(invoiceId, back);
        Assert.Equal(0, attempt);
    }

    [Fact]
    public void Attempts_give_distinct_txids_for_the_same_invoice()
    {
        var first = PixTxid.ForInvoice("ISP", "42");
        var second = PixTxid.ForInvoice("ISP", "42", attempt: 1);

        Assert.NotEqual(first, second);
        Assert.True(PixTxid.TryGetInvoiceId(second, "ISP", out var id, out var attempt));
        Assert.Equal(("42", 1), (id, attempt));
    }

    [Fact]
    public void Round_trips_any_alphanumeric_invoice_id_that_fits()
    {
        var gen = Gen.Select(
            Gen.String[Gen.Char["ABCXYZ0123456789"], 0, 10],
            Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"], 1, 18],
            Gen.Int[0, 35]);
        gen.Sample((prefix, id, attempt) =>
        {
            var txid = PixTxid.ForInvoice(prefix, id, attempt);
            return PixTxid.IsValid(txid)
                && PixTxid.TryGetInvoiceId(txid, prefix, out var back, out var a)
                && back == id && a == attempt;
        });
    }

    [Theory]
    [InlineData("971122d8f37211eaadc10242ac120002")] // a foreign (spec example) txid
    [InlineData("ISP1")]                              // too short
    [InlineData(null)]
    public void Foreign_or_invalid_txids_do_not_map_to_an_invoice(string? txid)
    {
        Assert.False(PixTxid.TryGetInvoiceId(txid, "ISP1", out var id, out _));
        Assert.Null(id);
    }

    [Fact]
    public void A_single_changed_character_fails_the_check()
    {
        var txid = PixTxid.ForInvoice("ISP1", "123");
        var tampered = txid[..8] + (txid[8] == '9' ? '8' : '9') + txid[9..];

        Assert.False(PixTxid.TryGetInvoiceId(tampered, "ISP1", out _, out _));
        Assert.False(PixTxid.TryGetInvoiceId(txid, "ISP2", out _, out _));
    }

    [Theory]
    [InlineData("ISP-1", "123")]
    [InlineData("ISP", "12/3")]
    [InlineData("PREFIXTOOLONG", "1")]
    [InlineData("ISP", "12345678901234567890123456")]
    public void Rejects_input_that_cannot_make_a_valid_txid(string prefix, string invoiceId)
    {
        Assert.Throws<ArgumentException>(() => PixTxid.ForInvoice(prefix, invoiceId));
    }

    [Fact]
    public void NewRandom_is_valid()
    {
        Assert.True(PixTxid.IsValid(PixTxid.NewRandom()));
        Assert.False(PixTxid.IsValid("abc"));
        Assert.False(PixTxid.IsValid(new string('a', 36)));
        Assert.False(PixTxid.IsValid("abcdefghijklmnopqrstuvwxy-z"));
    }
}
