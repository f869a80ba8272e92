using System.CommandLine;
using System.Net;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.MikroTik;
using Cobranca.Connectors.Testing.RouterOs;
using Spectre.Console;

namespace Cobranca.Cli.Commands;

/// <summary>
/// <c>cobranca mikrotik state|block|unblock|throttle</c>: talk to one router over the RouterOS API. Exit codes follow
/// <see cref="ExitCodes"/> (router errors, refused logins and unsupported operations exit with ProviderError).
/// </summary>
public static class MikroTikCommands
{
    /// <summary>Environment variable holding the API password (never passed as an argument).</summary>
    public const string PasswordVariable = "COBRANCA_MIKROTIK_PASSWORD";

    private static readonly Option<string> Host = new("--host") { Description = "Router address", Required = true, Recursive = true };
    private static readonly Option<int?> Port = new("--port") { Description = "API port (default 8728, or 8729 with --tls)", Recursive = true };
    private static readonly Option<string> User = new("--user") { Description = "API user (group with the api policy)", Required = true, Recursive = true };
    private static readonly Option<bool> Tls = new("--tls") { Description = "Use API-SSL (8729)", Recursive = true };
    private static readonly Option<string?> Pin = new("--pin") { Description = "SHA-256 or SHA-1 thumbprint of the router certificate", Recursive = true };
    private static readonly Option<MikroTikAccessStrategy> Strategy = new("--strategy")
    {
        Description = "AddressList | PppSecretDisable | PppProfileSwap | SimpleQueue | KickOnly",
        DefaultValueFactory = _ => MikroTikAccessStrategy.AddressList,
        Recursive = true,
    };
    private static readonly Option<string> List = new("--list") { Description = "Address-list name", DefaultValueFactory = _ => "bloqueados", Recursive = true };
    private static readonly Option<string?> BlockProfile = new("--block-profile") { Description = "PPP profile for blocked subscribers", Recursive = true };
    private static readonly Option<string?> ThrottleProfile = new("--throttle-profile") { Description = "PPP profile for throttled subscribers", Recursive = true };
    private static readonly Option<string?> Ip = new("--ip") { Description = "Subscriber IPv4 address", Recursive = true };
    private static readonly Option<string?> Login = new("--login") { Description = "Subscriber PPPoE login", Recursive = true };
    private static readonly Option<string?> ContractId = new("--contract") { Description = "Contract id (goes into the ASCII comment)", Recursive = true };
    private static readonly Option<double> Down = new("--down") { Description = "Download limit in Mbit/s", Required = true };
    private static readonly Option<double> Up = new("--up") { Description = "Upload limit in Mbit/s", Required = true };

    /// <summary>Builds the <c>mikrotik</c> command tree.</summary>
    public static Command Create()
    {
        var mikrotik = new Command("mikrotik", $"MikroTik access control over the RouterOS API (password from {PasswordVariable})");
        foreach (var o in new Option[] { Host, Port, User, Tls, Pin, Strategy, List, BlockProfile, ThrottleProfile, Ip, Login, ContractId })
            mikrotik.Options.Add(o);

        var state = new Command("state", "Read the subscriber's access state");
        state.SetCliAction((parse, ct) => RunAsync(parse, async (c, s) => await c.GetAccessStateAsync(s, ct)));
        var block = new Command("block", "Block the subscriber (idempotent)");
        block.SetCliAction((parse, ct) => RunAsync(parse, async (c, s) => await c.BlockAsync(s, BlockRequest.Overdue, ct)));
        var unblock = new Command("unblock", "Unblock the subscriber (idempotent)");
        unblock.SetCliAction((parse, ct) => RunAsync(parse, async (c, s) => await c.UnblockAsync(s, ct)));
        var throttle = new Command("throttle", "Throttle the subscriber (idempotent)");
        throttle.Options.Add(Down);
        throttle.Options.Add(Up);
        throttle.SetCliAction((parse, ct) => RunAsync(parse, async (c, s) =>
            await c.ThrottleAsync(s, Bandwidth.FromMegabits(parse.GetValue(Down), parse.GetValue(Up)), ct)));

        mikrotik.Subcommands.Add(state);
        mikrotik.Subcommands.Add(block);
        mikrotik.Subcommands.Add(unblock);
        mikrotik.Subcommands.Add(throttle);
        return mikrotik;
    }

    private static async Task<int> RunAsync(ParseResult parse, Func<MikroTikAccessController, Subscriber, Task<object>> action)
    {
        // Unset is a mistake (an empty password would be tried silently); a router whose user has no password is
        // still reachable by setting the variable to an empty value.
        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        if (password is null)
        {
            await Console.Error.WriteLineAsync(
                $"error: set {PasswordVariable} to the API user's password (export {PasswordVariable}= for a user without one).");
            return ExitCodes.Usage;
        }
        var subscriber = new Subscriber
        {
            IpAddress = parse.GetValue(Ip) is { } ip ? IPAddress.Parse(ip) : null,
            Login = parse.GetValue(Login),
            ContractId = parse.GetValue(ContractId),
        };
        var options = new MikroTikAccessControllerOptions
        {
            Host = parse.GetValue(Host)!,
            Port = parse.GetValue(Port),
            User = parse.GetValue(User)!,
            Password = password,
            UseTls = parse.GetValue(Tls),
            Strategy = parse.GetValue(Strategy),
            AddressList = parse.GetValue(List)!,
            BlockProfile = parse.GetValue(BlockProfile),
            ThrottleProfile = parse.GetValue(ThrottleProfile),
        };
        if (parse.GetValue(Pin) is { } pin) options.PinnedCertificateThumbprints.Add(pin);
        MikroTikAccessController controller;
        try
        {
            controller = new MikroTikAccessController(options);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}"); // invalid settings (never echoes the password)
            return ExitCodes.Usage;
        }
        await using var owned = controller;
        var result = await action(controller, subscriber);
        Print(result, parse.GetValue(CliOptions.Json));
        return ExitCodes.Ok;
    }

    private static void Print(object result, bool json)
    {
        var (outcome, state, changeDetail) = result switch
        {
            AccessChange c => (c.Outcome.ToString(), c.State, c.Detail),
            AccessState s => ("-", s, (string?)null),
            _ => throw new InvalidOperationException(),
        };
        // The detail comes from what happened (e.g. "session kicked" only when a session was kicked), never assumed.
        var detail = changeDetail is null || state.Detail?.Contains(changeDetail, StringComparison.Ordinal) == true
            ? state.Detail
            : state.Detail is null ? changeDetail : $"{state.Detail}; {changeDetail}";
        if (json)
        {
            CliRunner.WriteJson(new Dictionary<string, string?>
            {
                ["outcome"] = outcome, ["status"] = state.Status.Value, ["raw"] = state.RawCode, ["limit"] = state.Limit?.ToString(), ["detail"] = detail,
            });
            return;
        }
        var table = new Table().AddColumns("Outcome", "Status", "Raw", "Limit", "Detail");
        table.AddRow(Markup.Escape(outcome), Markup.Escape(state.Status.Value), Markup.Escape(state.RawCode ?? ""),
            Markup.Escape(state.Limit?.ToString() ?? ""), Markup.Escape(detail ?? ""));
        AnsiConsole.Write(table);
    }

    /// <summary>
    /// Self-contained demo: starts a <see cref="RouterOsEmulator"/>, blocks and unblocks a subscriber through
    /// <see cref="MikroTikAccessController"/> (address-list strategy), runs a small batch, and prints every outcome.
    /// </summary>
    public static async Task RunDemoAsync(TextWriter? output = null, CancellationToken cancellationToken = default)
    {
        output ??= Console.Out;
        await using var router = await RouterOsEmulator.StartAsync(new RouterOsEmulatorOptions { Password = "demo" });
        router.CommandLatency = TimeSpan.FromMilliseconds(2);
        await using var controller = new MikroTikAccessController(new MikroTikAccessControllerOptions
        {
            Host = router.Host,
            Port = router.Port,
            User = "admin",
            Password = "demo",
            Strategy = MikroTikAccessStrategy.AddressList,
        });
        await output.WriteLineAsync($"RouterOS emulator on {router.Host}:{router.Port} (2 ms per command), address-list 'bloqueados'");
        var subscriber = new Subscriber { ContractId = "1001", IpAddress = IPAddress.Parse("100.64.0.10") };

        var block = await controller.BlockAsync(subscriber, BlockRequest.Overdue, cancellationToken);
        await output.WriteLineAsync($"block   {subscriber}: {block.Outcome} -> {block.State.Status}");
        var again = await controller.BlockAsync(subscriber, BlockRequest.Overdue, cancellationToken);
        await output.WriteLineAsync($"block   again: {again.Outcome} (idempotent)");
        var state = await controller.GetAccessStateAsync(subscriber, cancellationToken);
        await output.WriteLineAsync($"state   {state.Status} ({state.Detail})");
        var unblock = await controller.UnblockAsync(subscriber, cancellationToken);
        await output.WriteLineAsync($"unblock {subscriber}: {unblock.Outcome} -> {unblock.State.Status}");

        var batch = Enumerable.Range(1, 200)
            .Select(i => AccessCommand.ToBlock(new Subscriber { ContractId = $"{2000 + i}", IpAddress = IPAddress.Parse($"100.64.1.{i}") }))
            .ToList();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = await controller.ApplyAsync(batch, cancellationToken: cancellationToken);
        await output.WriteLineAsync($"batch   {result} in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms; router list now has {router.AddressLists.Count} entries");
    }
}
