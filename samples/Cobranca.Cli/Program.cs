using System.CommandLine;
using Cobranca.Cli;
using Cobranca.Cli.Demo;

// cobranca: System.CommandLine parses, Spectre.Console renders. Exit codes: see ExitCodes.
// Each area adds its commands from Commands/<Area>Commands.cs with one line below.
var root = new RootCommand("cobranca: the Cobranca.Connectors command line (ERPs, routers, Pix and boletos for Brazilian ISPs)");
root.Options.Add(CliOptions.Json);
root.Subcommands.Add(DemoCommand.Create());

root.Subcommands.Add(Cobranca.Cli.Commands.PixCommands.Create()); // before CodecCommands: it adds "decode" under this "pix"
Cobranca.Cli.Commands.CodecCommands.AddTo(root);
Cobranca.Cli.Commands.BoletoRetornoCommands.AddTo(root); // after CodecCommands: adds "retorno" under its "boleto"
root.Subcommands.Add(Cobranca.Cli.Commands.MikroTikCommands.Create());
root.Subcommands.Add(Cobranca.Cli.Commands.IxcCommands.Create());
root.Subcommands.Add(Cobranca.Cli.Commands.MkAuthCommands.Create());
root.Subcommands.Add(Cobranca.Cli.Commands.SgpCommands.Create());

return await root.Parse(args).InvokeAsync();
