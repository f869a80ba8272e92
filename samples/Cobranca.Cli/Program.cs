using System.CommandLine;

var root = new RootCommand("cobranca: Cobranca.Connectors command line");
Cobranca.Cli.Commands.CodecCommands.AddTo(root);
return await root.Parse(args).InvokeAsync();
