using CsCheck;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Abstractions.Tests;

public class BandwidthTests
{
    [Theory]
    [InlineData("10M/5M", 5_000_000, 10_000_000)] // RouterOS order: upload/download
    [InlineData("512k", 512_000, 512_000)]
    [InlineData("512K/2M", 2_000_000, 512_000)]
    [InlineData("1000000/500000", 500_000, 1_000_000)]
    [InlineData("1.5M/3M", 3_000_000, 1_500_000)]
    [InlineData("1G", 1_000_000_000, 1_000_000_000)]
    [InlineData(" 20M / 10M ", 10_000_000, 20_000_000)]
    public void Parses_routeros_limits(string text, long download, long upload)
    {
        var b = Bandwidth.ParseRouterOs(text);
        Assert.Equal(download, b.DownloadBitsPerSecond);
        Assert.Equal(upload, b.UploadBitsPerSecond);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("10M/")]
    [InlineData("10X")]
    [InlineData("-1M")]
    [InlineData("10M/5M/1M")]
    [InlineData("fast")]
    [InlineData("99999999999999999G")] // overflows a long
    public void Rejects_malformed_limits_with_FormatException(string text) =>
        Assert.Throws<FormatException>(() => Bandwidth.ParseRouterOs(text));

    [Fact]
    public void Formats_as_routeros_max_limit_and_for_people()
    {
        var b = Bandwidth.FromMegabits(100, 50);
        Assert.Equal("50000000/100000000", b.ToRouterOs());
        Assert.Equal("100M down / 50M up", b.ToString());
        Assert.Equal("512k down / 1500 up", new Bandwidth(512_000, 1_500).ToString());
    }

    [Fact]
    public void FromMegabits_validates()
    {
        Assert.Equal(new Bandwidth(1_500_000, 1_500_000), Bandwidth.FromMegabits(1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Bandwidth.FromMegabits(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Bandwidth.FromMegabits(-1, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Bandwidth.FromMegabits(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => Bandwidth.FromMegabits(10, double.PositiveInfinity));
    }

    [Fact]
    public void RouterOs_text_round_trips()
    {
        Gen.Select(Gen.Long[0, 100_000_000_000], Gen.Long[0, 100_000_000_000]).Sample(t =>
        {
            var b = new Bandwidth(t.Item1, t.Item2);
            Assert.Equal(b, Bandwidth.ParseRouterOs(b.ToRouterOs()));
        }, iter: 500);
    }
}
