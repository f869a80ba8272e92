namespace Cobranca.Connectors.MikroTik.Protocol;

/// <summary>
/// One command of a connection: waiting for a window slot, then sent (tagged) and collecting its reply sentences until
/// its <c>!done</c>. The state fields are guarded by the connection's send lock.
/// </summary>
internal sealed class PendingCommand
{
    public const int Waiting = 0;
    public const int Sent = 1;
    public const int Dropped = 2;
    private int _slotReleased;

    private readonly TaskCompletionSource<RouterOsResponse> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private List<IReadOnlyDictionary<string, string>>? _rows;
    private List<string>? _trapMessages;
    private int? _trapCategory;
    private bool _empty;

    public PendingCommand(string operation, long deadline)
    {
        Operation = operation;
        Deadline = deadline;
    }

    /// <summary>A command that waits for a window slot before it is sent (see the connection's send queue).</summary>
    public PendingCommand(RouterOsCommand command, System.Runtime.CompilerServices.StrongBox<bool>? sent, CancellationToken token)
    {
        Operation = command.Path;
        Command = command;
        SentFlag = sent;
        Token = token;
    }

    /// <summary>Stopwatch timestamp after which the command counts as unanswered (set when it is sent).</summary>
    public long Deadline { get; set; }

    public RouterOsCommand? Command { get; }

    /// <summary>Set to true once the command is committed to the wire.</summary>
    public System.Runtime.CompilerServices.StrongBox<bool>? SentFlag { get; }

    /// <summary>The caller's token: a command whose caller cancelled before it got a slot is never sent.</summary>
    public CancellationToken Token { get; }

    /// <summary>The tag it was sent with.</summary>
    public long Tag { get; set; }

    /// <summary><see cref="Waiting"/>, <see cref="Sent"/> or <see cref="Dropped"/> (never sent).</summary>
    public int State { get; set; }

    /// <summary>True the first time it is called for a sent command: its window slot is given back exactly once.</summary>
    public bool TryReleaseSlot() => Interlocked.Exchange(ref _slotReleased, 1) == 0;

    /// <summary>True once the receive timeout completed the command.</summary>
    public bool TimedOut { get; private set; }

    public string Operation { get; }

    public Task<RouterOsResponse> Task => _completion.Task;

    public void AddRow(Dictionary<string, string> row) => (_rows ??= []).Add(row);

    public void MarkEmpty() => _empty = true;

    public void AddTrap(IReadOnlyDictionary<string, string> attributes)
    {
        (_trapMessages ??= []).Add(attributes.TryGetValue("message", out var m) ? m : "(no message)");
        if (_trapCategory is null && attributes.TryGetValue("category", out var c) &&
            int.TryParse(c, System.Globalization.CultureInfo.InvariantCulture, out var category))
            _trapCategory = category;
    }

    public void Complete(Dictionary<string, string> done)
    {
        if (_trapMessages is not null)
            _completion.TrySetException(new RouterOsTrapException(Operation, _trapMessages, _trapCategory));
        else
            _completion.TrySetResult(new RouterOsResponse(_rows ?? (IReadOnlyList<IReadOnlyDictionary<string, string>>)[], done, _empty));
    }

    public void Fail(Exception exception) => _completion.TrySetException(exception);

    /// <summary>Completes the command with a <see cref="TimeoutException"/>; a late reply is then ignored.</summary>
    public void TimeOut()
    {
        if (_completion.Task.IsCompleted) return;
        TimedOut = true;
        if (!_completion.TrySetException(new TimeoutException())) TimedOut = false;
        else Abandon();
    }

    /// <summary>Nobody waits any more (cancelled or timed out): observe the late outcome so it is not reported as unobserved.</summary>
    public void Abandon() =>
        _completion.Task.ContinueWith(static t => _ = t.Exception, CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
}
