using System.Diagnostics;

namespace Cobranca.Connectors.Storage.Tests;

/// <summary>Starts the crash host (a real child process) and reads its output lines.</summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly TaskCompletionSource _hung = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly System.Text.StringBuilder _stderr = new();

    public WorkerProcess(params string[] arguments)
    {
        var host = Path.Combine(AppContext.BaseDirectory, "Cobranca.Connectors.Storage.CrashHost.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(host);
        foreach (var a in arguments) info.ArgumentList.Add(a);
        info.Environment["DOTNET_TieredPGO"] = "0";
        _process = new Process { StartInfo = info, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (_lines) _lines.Add(e.Data);
            if (e.Data == "hang") _hung.TrySetResult();
            if (e.Data == "ready") _ready.TrySetResult();
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) lock (_stderr) _stderr.AppendLine(e.Data);
        };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines) return _lines.ToList();
        }
    }

    /// <summary>Waits until the worker hangs between an effect and its record, then kills it with SIGKILL.</summary>
    public async Task KillWhenHungAsync()
    {
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(_hung.Task, exited).WaitAsync(TimeSpan.FromSeconds(60));
        if (first != _hung.Task) throw new InvalidOperationException("The worker ended before reaching the crash point: " + Describe());
        _process.Kill(entireProcessTree: true); // SIGKILL on Linux: no finally blocks, no flush, nothing
        await exited.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Waits until the worker (started with --start-after) is ready to start.</summary>
    public Task ReadyAsync() => _ready.Task.WaitAsync(TimeSpan.FromSeconds(60));

    /// <summary>Waits for a normal exit and returns the last line (the summary).</summary>
    public async Task<string> CompleteAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
        if (_process.ExitCode != 0) throw new InvalidOperationException($"The worker failed ({_process.ExitCode}): {Describe()}");
        return Lines[^1];
    }

    private string Describe()
    {
        lock (_stderr) return string.Join(" | ", Lines.TakeLast(5)) + " / " + _stderr.ToString();
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
