using System.CommandLine;

var root = new RootCommand("cobranca: Cobranca.Connectors command line");
root.Subcommands.Add(Cobranca.Cli.Commands.IxcCommands.Create());
return await root.Parse(args).InvokeAsync();
