namespace Pitchey.LoadTests.Harness.Watches;

/// <summary>
/// Runs a read now and then, in the background, from <see cref="Start"/> to <see cref="StopAsync"/>:
/// the memory of the gateway each second, the stand-in's count and the breaker's state a few times a
/// second. A read that throws ends nothing (the callback reports its own failures); one that takes
/// longer than the interval delays the next.
/// </summary>
internal sealed class Poller(TimeSpan interval, Func<CancellationToken, Task> read) : IAsyncDisposable
{
    private CancellationTokenSource? _stop;
    private Task? _loop;

    /// <summary>Reads once at once, then every interval.</summary>
    public void Start()
    {
        if (_loop is not null)
        {
            return;
        }

        _stop = new CancellationTokenSource();
        var token = _stop.Token;
        _loop = Task.Run(() => LoopAsync(token), CancellationToken.None);
    }

    /// <summary>Stops the loop and waits for the read in progress; a last read follows when <paramref name="readOnceMore"/>.</summary>
    public async Task StopAsync(bool readOnceMore, CancellationToken cancellationToken)
    {
        if (_loop is null || _stop is null)
        {
            return;
        }

        await _stop.CancelAsync();
        await _loop;
        _loop = null;
        if (readOnceMore)
        {
            await ReadAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(readOnceMore: false, CancellationToken.None);
        _stop?.Dispose();
    }

    private async Task LoopAsync(CancellationToken token)
    {
        using var timer = new PeriodicTimer(interval);
        await ReadAsync(token);
        try
        {
            while (await timer.WaitForNextTickAsync(token))
            {
                await ReadAsync(token);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task ReadAsync(CancellationToken token)
    {
        try
        {
            await read(token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }
}
