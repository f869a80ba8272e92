using Cobranca.Connectors.Abstractions;
using Spectre.Console;

namespace Cobranca.Cli.Demo.Steps;

/// <summary>Gets the second copy of the oldest overdue invoice (or the next upcoming one): boleto line and Pix copia-e-cola.</summary>
public sealed class SecondCopyStep : IDemoStep
{
    /// <inheritdoc />
    public string Title => "4. Second copy";

    /// <inheritdoc />
    public async Task<bool> RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var debt = context.Debt ?? throw new InvalidOperationException("The debt step must run first.");
        var invoice = debt.Overdue.Concat(debt.Upcoming).FirstOrDefault();
        if (invoice is null)
        {
            context.Report["secondCopy"] = null;
            if (!context.Json) AnsiConsole.MarkupLine("Nothing open: no second copy to show.");
            return true;
        }
        if (!context.Session.Billing.Info.Supports(BillingCapabilities.BoletoLine | BillingCapabilities.PixCopyPaste))
        {
            context.Report["secondCopy"] = "not supported";
            if (!context.Json) AnsiConsole.MarkupLine($"{Markup.Escape(context.Session.Billing.Info.Name)} does not offer second copies.");
            return true;
        }

        var slip = await context.Session.Billing.GetPaymentSlipAsync(invoice.Id, cancellationToken);
        context.Report["secondCopy"] = new
        {
            invoiceId = slip.InvoiceId,
            amount = slip.Amount,
            dueDate = slip.DueDate,
            digitableLine = slip.DigitableLine,
            barcode = slip.Barcode,
            pixCopyPaste = slip.PixCopyPaste,
        };

        if (!context.Json)
        {
            var grid = new Grid().AddColumn().AddColumn();
            grid.AddRow("[bold]Invoice[/]", Markup.Escape(slip.InvoiceId));
            grid.AddRow("[bold]Amount[/]", Markup.Escape(slip.Amount is { } a ? Money.Format(a) : "-"));
            grid.AddRow("[bold]Due[/]", slip.DueDate is { } d ? DemoFormat.Date(d) : "-");
            grid.AddRow("[bold]Linha digitável[/]", Markup.Escape(FormatLine(slip.DigitableLine)));
            grid.AddRow("[bold]Pix copia e cola[/]", Markup.Escape(slip.PixCopyPaste ?? "-"));
            AnsiConsole.Write(grid);
            AnsiConsole.WriteLine();
        }
        return slip.InvoiceId == invoice.Id || DemoFormat.Fail($"asked for invoice {invoice.Id}, got {slip.InvoiceId}.");
    }

    /// <summary>Prints a 47-digit line the way banks do: <c>00190.00009 03128.557009 00000.201017 5 12340000009990</c>.</summary>
    private static string FormatLine(string? line) => line is { Length: 47 }
        ? $"{line[..5]}.{line[5..10]} {line[10..15]}.{line[15..21]} {line[21..26]}.{line[26..32]} {line[32]} {line[33..]}"
        : line ?? "-";
}
