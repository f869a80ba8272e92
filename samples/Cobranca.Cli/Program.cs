using System.CommandLine;

var root = new RootCommand("cobranca: Cobranca.Connectors command line");
return await root.Parse(args).InvokeAsync();
