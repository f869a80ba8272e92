namespace Cobranca.Connectors.MikroTik.Protocol;

/// <summary>Collects the reply sentences of one tagged command until its <c>!done</c>.</summary>
internal sealed class PendingCommand
{
    private readonly TaskCompletionSource<RouterOsResponse> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<IReadOnlyDictionary<string, string>> _rows = [];
    private List<string>? _trapMessages;
    private int? _trapCategory;
    private bool _empty;

    public PendingCommand(string operation, long deadline)
    {
        Operation = operation;
        Deadline = deadline;
    }

    /// <summary>Stopwatch timestamp after which the command counts as unanswered.</summary>
    public long Deadline { get; }

    /// <summary>True once the receive timeout completed the command.</summary>
    public bool TimedOut { get; private set; }

    public string Operation { get; }

    public Task<RouterOsResponse> Task => _completion.Task;

    public void AddRow(Dictionary<string, string> row) => _rows.Add(row);

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
            _completion.TrySetResult(new RouterOsResponse(_rows, done, _empty));
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
