namespace Cobranca.Connectors.Pix.Tests.BrCodes;

/// <summary>The composite codes of Pix Automático, from the BACEN API Pix 2.9.0 examples (recResponse3/6/7 dadosQR).</summary>
public sealed class BrCodeRecurrenceTests
{
    public const string J2 = "00020126180014br.gov.bcb.pix5204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***80800014br.gov.bcb.pix2558pix.example.com/qr/v2/rec/2353c790eefb11eaadc10242ac120002630462C9";
    public const string J3 = "00020101021226760014br.gov.bcb.pix2554pix.example.com/qr/v2/8b3da2f39a4140d1a91abd93113bd4415204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***80800014br.gov.bcb.pix2558pix.example.com/qr/v2/rec/94ed2badcbc04c15b0bb7fa35319489063047741";
    public const string J4 = "00020101021226810014br.gov.bcb.pix2559pix.example.com/qr/v2/cobv/1e6c54d3ec9449b7a7fc53b6b0f998e75204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***80800014br.gov.bcb.pix2558pix.example.com/qr/v2/rec/3ffa640fa4f14080adccb949fa2dc0d06304A441";

    [Theory]
    [InlineData(J2, "62C9")]
    [InlineData(J3, "7741")]
    [InlineData(J4, "A441")]
    public void Spec_examples_carry_a_valid_crc(string code, string crc)
    {
        Assert.Equal(crc, Cobranca.Connectors.Pix.BrCode.ComputeCrc(code[..^4]));
        Assert.Equal(crc, Cobranca.Connectors.Pix.BrCode.Parse(code).Crc);
    }

    [Fact]
    public void Journey_2_has_a_gui_only_pix_template()
    {
        var code = Cobranca.Connectors.Pix.BrCode.Parse(J2);
        Assert.Equal(PixJourney.Journey2, code.RecurrenceJourney);
        Assert.Equal("pix.example.com/qr/v2/rec/2353c790eefb11eaadc10242ac120002", code.RecurrenceUrl);
        Assert.Null(code.Url);
        Assert.Null(code.PixKey);
        Assert.Null(code.Amount);
        Assert.Null(code.PointOfInitiationMethod);
        Assert.False(code.IsDynamic);
        Assert.Equal("Fulano de Tal", code.MerchantName);
    }

    [Fact]
    public void Journeys_3_and_4_carry_the_charge_and_the_recurrence()
    {
        var j3 = Cobranca.Connectors.Pix.BrCode.Parse(J3);
        Assert.Equal(PixJourney.Journey3, j3.RecurrenceJourney);
        Assert.Equal("pix.example.com/qr/v2/8b3da2f39a4140d1a91abd93113bd441", j3.Url);
        Assert.Equal("pix.example.com/qr/v2/rec/94ed2badcbc04c15b0bb7fa353194890", j3.RecurrenceUrl);
        Assert.True(j3.IsSingleUse);
        var j4 = Cobranca.Connectors.Pix.BrCode.Parse(J4);
        Assert.Equal(PixJourney.Journey4, j4.RecurrenceJourney);
        Assert.True(j4.IsDueDateCharge);
        Assert.Equal("pix.example.com/qr/v2/rec/3ffa640fa4f14080adccb949fa2dc0d0", j4.RecurrenceUrl);
    }

    [Theory]
    [InlineData(J2, "pix.example.com/qr/v2/rec/2353c790eefb11eaadc10242ac120002", null)]
    [InlineData(J3, "pix.example.com/qr/v2/rec/94ed2badcbc04c15b0bb7fa353194890", "pix.example.com/qr/v2/8b3da2f39a4140d1a91abd93113bd441")]
    [InlineData(J4, "pix.example.com/qr/v2/rec/3ffa640fa4f14080adccb949fa2dc0d0", "pix.example.com/qr/v2/cobv/1e6c54d3ec9449b7a7fc53b6b0f998e7")]
    public void The_builder_writes_the_spec_examples_byte_for_byte(string expected, string recurrenceUrl, string? chargeUrl)
    {
        var built = Cobranca.Connectors.Pix.BrCode.Build(new BrCodeRecurrenceRequest
        {
            MerchantName = "Fulano de Tal",
            MerchantCity = "BRASILIA",
            RecurrenceUrl = recurrenceUrl,
            ChargeUrl = chargeUrl,
        });
        Assert.Equal(expected, built);
    }

    [Fact]
    public void A_gui_only_pix_template_without_a_recurrence_is_refused()
    {
        // J2 without its tag 80: tag 26 has neither key nor URL.
        var body = J2[..J2.IndexOf("8080", StringComparison.Ordinal)] + "6304";
        var code = body + Cobranca.Connectors.Pix.BrCode.ComputeCrc(body);
        var ex = Assert.Throws<BrCodeException>(() => Cobranca.Connectors.Pix.BrCode.Parse(code));
        Assert.Equal(BrCodeErrorKind.MissingField, ex.Kind);

        // A tag 80 without the recurrence URL does not make a GUI-only tag 26 valid either.
        var noUrl = J2[..J2.IndexOf("8080", StringComparison.Ordinal)] + "80180014br.gov.bcb.pix6304";
        Assert.False(Cobranca.Connectors.Pix.BrCode.TryParse(noUrl + Cobranca.Connectors.Pix.BrCode.ComputeCrc(noUrl), out _, out var error));
        Assert.Equal(BrCodeErrorKind.MissingField, error.Kind);
    }

    [Fact]
    public void A_corrupted_composite_fails_the_crc_and_a_bad_url_is_refused()
    {
        var corrupted = J3.Replace("rec/94ed", "rec/94ee", StringComparison.Ordinal);
        Assert.Equal(BrCodeErrorKind.CrcMismatch, Assert.Throws<BrCodeException>(() => Cobranca.Connectors.Pix.BrCode.Parse(corrupted)).Kind);
        var ex = Assert.Throws<BrCodeException>(() => Cobranca.Connectors.Pix.BrCode.Build(new BrCodeRecurrenceRequest
        {
            MerchantName = "Fulano", MerchantCity = "BRASILIA", RecurrenceUrl = "https://pix.example.com/rec/1",
        }));
        Assert.Equal(BrCodeErrorKind.InvalidUrl, ex.Kind);
        Assert.Equal("80.25", ex.Tag);
    }
}
