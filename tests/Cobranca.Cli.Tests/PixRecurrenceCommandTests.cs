using System.Text.Json;
using Cobranca.Connectors.Pix;

namespace Cobranca.Cli.Tests;

public class PixRecurrenceCommandTests
{
    private static readonly string Tomorrow = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Enrol_in_demo_mode_prints_the_recurrence_and_its_journey_2_qr_code()
    {
        var result = await CliHost.RunAsync("pix", "recurrence", "enrol", "--customer", "C42", "--document", "529.982.247-25",
            "--name", "Fulano de Tal", "--due", Tomorrow, "--min-amount", "79,90", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.Equal("demo", doc.RootElement.GetProperty("mode").GetString());
        Assert.Matches("^R[RN][a-zA-Z0-9]{27}$", doc.RootElement.GetProperty("recurrenceId").GetString());
        Assert.Equal("CRIADA", doc.RootElement.GetProperty("status").GetString());
        var code = BrCode.Parse(doc.RootElement.GetProperty("pixCopiaECola").GetString()!);
        Assert.Equal(PixJourney.Journey2, code.RecurrenceJourney);
    }

    [Theory]
    [InlineData("--document", "123")]
    [InlineData("--due", "2020-01-01")]
    public async Task Enrol_with_bad_input_is_a_usage_or_provider_error(string option, string value)
    {
        var args = new List<string> { "pix", "recurrence", "enrol", "--customer", "C42", "--document", "52998224725", "--name", "F", "--due", Tomorrow };
        args[args.IndexOf(option) + 1] = value;
        var result = await CliHost.RunAsync([.. args]);
        // An invalid document is the user's to fix (1); a past start date is refused by the PSP (2).
        Assert.Equal(option == "--document" ? ExitCodes.Usage : ExitCodes.ProviderError, result.ExitCode);
        Assert.DoesNotContain("pixCopiaECola", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enrol_without_required_options_is_a_usage_error()
    {
        var result = await CliHost.RunAsync("pix", "recurrence", "enrol", "--customer", "C42");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
    }

    [Theory]
    [InlineData("status")]
    [InlineData("cancel")]
    public async Task Status_and_cancel_check_the_id_and_report_an_unknown_one(string verb)
    {
        Assert.Equal(ExitCodes.Usage, (await CliHost.RunAsync("pix", "recurrence", verb)).ExitCode);
        Assert.Equal(ExitCodes.Usage, (await CliHost.RunAsync("pix", "recurrence", verb, "--id", "short")).ExitCode);
        // Demo mode starts an empty sandbox: a well-formed id is unknown there.
        Assert.Equal(ExitCodes.ProviderError, (await CliHost.RunAsync("pix", "recurrence", verb, "--id", "RR1234567820240115abcdefghijk")).ExitCode);
    }

    [Fact]
    public async Task An_unknown_provider_is_a_usage_error()
    {
        var result = await CliHost.RunAsync("pix", "recurrence", "status", "--id", "RR1234567820240115abcdefghijk", "--provider", "nope");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
    }
}
