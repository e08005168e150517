using Pitchey.LoadTests.Harness.Watches;

namespace Pitchey.LoadTests.Harness.Scenarios;

/// <summary>
/// The failover's outage, step by step: stop the replica, stop the primary, start the primary, start
/// the replica. Timed actions start on time and run concurrently; these wait for the step before
/// them (a slow stop must not overtake its start), and each marks its phase in the
/// <see cref="FailoverWatch"/> when it is done. At the end of the run whatever is still stopped is
/// started again: a load test never leaves the database down.
/// </summary>
internal sealed class FailoverSteps(PgCtl pgCtl, string primary, string? replica, RunEvents events)
{
    private readonly Lock _lock = new();
    private Task _last = Task.CompletedTask;
    private bool _primaryDown;
    private bool _replicaDown;

    /// <summary>The timed actions: with a replica at 20, 40, 60 and 75 % of the window; without one the primary's at 30 and 60 %.</summary>
    public IReadOnlyList<TimedAction> Actions(FailoverWatch watch)
    {
        ArgumentNullException.ThrowIfNull(watch);
        var actions = new List<TimedAction>();
        if (replica is not null)
        {
            actions.Add(Step(0.2, "replica stopped", async ct => { _replicaDown = true; return await pgCtl.StopAsync(replica, ct); }, () => watch.Mark(FailoverWatch.ReplicaDown)));
        }

        actions.Add(Step(replica is null ? 0.3 : 0.4, "primary stopped", async ct => { _primaryDown = true; return await pgCtl.StopAsync(primary, ct); }, () => watch.Mark(FailoverWatch.PrimaryDown)));
        actions.Add(Step(0.6, "primary started", async ct =>
        {
            var output = await pgCtl.StartAsync(primary, ct);
            _primaryDown = false;
            return output;
        }, () => watch.Mark(FailoverWatch.PrimaryBack)));
        if (replica is not null)
        {
            actions.Add(Step(0.75, "replica started", async ct =>
            {
                var output = await pgCtl.StartAsync(replica, ct);
                _replicaDown = false;
                return output;
            }, () => watch.Mark(FailoverWatch.ReplicaBack)));
        }

        return actions;
    }

    /// <summary>After the load: waits for the steps in progress, then starts what is still stopped (each an event).</summary>
    public async Task RestoreAsync(CancellationToken cancellationToken)
    {
        Task last;
        lock (_lock)
        {
            last = _last;
        }

        await last.ContinueWith(_ => { }, TaskScheduler.Default);
        foreach (var (down, folder, name) in new[] { (_primaryDown, primary, "primary"), (_replicaDown, replica, "replica") })
        {
            if (!down || folder is null)
            {
                continue;
            }

            try
            {
                events.Add($"{name} started after the window", await pgCtl.StartAsync(folder, cancellationToken));
            }
            catch (Exception exception) when (exception is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
            {
                events.Add($"{name} could not be started after the window", exception.Message);
            }
        }

        _primaryDown = _replicaDown = false;
    }

    private TimedAction Step(double at, string name, Func<CancellationToken, Task<string>> work, Action done) => new(at, name, cancellationToken =>
    {
        lock (_lock)
        {
            var step = AfterAsync(_last, work, done, cancellationToken);
            _last = step;
            return step;
        }
    });

    private static async Task<string?> AfterAsync(Task previous, Func<CancellationToken, Task<string>> work, Action done, CancellationToken cancellationToken)
    {
        await previous.ContinueWith(_ => { }, TaskScheduler.Default);
        var output = await work(cancellationToken);
        done();
        return string.IsNullOrEmpty(output) ? null : output;
    }
}
