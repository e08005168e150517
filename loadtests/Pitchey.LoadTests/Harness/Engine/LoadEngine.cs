namespace Pitchey.LoadTests.Harness.Engine;

/// <summary>
/// Runs one plan: opens the connections, starts the clock (warm-up, then the measured window),
/// lets every connection work through its timetable (open) or as fast as it can (closed), ends
/// requests that outlive the timeout, drains what is in flight at the end, and hands back the
/// figures. Bounded in time (the window, then at most one timeout of drain) and in count
/// (<see cref="EnginePlan.MaxRequests"/>).
/// </summary>
internal static class LoadEngine
{
    /// <summary>A request sent more than this after its due time counts as late; below it is timer noise, shown as send lag.</summary>
    public static readonly TimeSpan LateTolerance = TimeSpan.FromMilliseconds(1);

    /// <summary>Between the connections being open and the first request: time for every worker to reach its first wait.</summary>
    private static readonly TimeSpan StartLead = TimeSpan.FromMilliseconds(20);

    /// <param name="started">Called once the clock marks are set, before the first request.</param>
    public static async Task<EngineResult> RunAsync(
        EnginePlan plan, Action<RunControl>? started, Action<ProgressSample>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var recorder = new RunRecorder(plan.SeriesCount, Math.Clamp(Environment.ProcessorCount, 1, plan.Connections), EngineTime.Ticks(LateTolerance));
        using var pacer = new Pacer();
        var connections = Enumerable.Range(0, plan.Connections)
            .Select(_ => plan.Targets.Select(target => new HttpConnection(target.Endpoint)).ToArray()).ToArray();
        var workers = new List<ConnectionWorker>(plan.Connections);
        try
        {
            // Connected before the clock starts, as wrk does: the first requests do not time a TCP
            // handshake. A target that refuses is met, and counted, by the requests themselves.
            try
            {
                await Task.WhenAll(connections.SelectMany(set => set).Select(connection => connection.PrepareAsync().AsTask()))
                    .WaitAsync(plan.Timeout, cancellationToken);
            }
            catch (TimeoutException)
            {
            }

            var start = EngineTime.Now + EngineTime.Ticks(StartLead);
            var windowStart = start + EngineTime.Ticks(plan.Warmup);
            var control = new RunControl(start, windowStart, windowStart + EngineTime.Ticks(plan.Duration), plan.MaxRequests);
            var schedule = new OpenSchedule(start, plan.Model == LoadModel.Open ? plan.Rate : 1, plan.Connections, EngineTime.TicksPerSecond);
            var slices = new TargetSlices(windowStart, Math.Max(1, EngineTime.Ticks(plan.Slice)), plan.Targets.Count);
            var run = new EngineRun(plan, control, schedule, slices, recorder, pacer);
            for (var i = 0; i < plan.Connections; i++)
            {
                workers.Add(new ConnectionWorker(i, run, connections[i]));
            }

            started?.Invoke(control);

            using var cancel = cancellationToken.Register(() => control.CutAt(EngineTime.Now, EndReasons.Cancelled));
            var ticker = new EngineTicker(run, progress);
            var timeout = EngineTime.Ticks(plan.Timeout);
            var scan = Math.Clamp(plan.Timeout.TotalMilliseconds / 10, 5, 100);
            using var watchdog = new Timer(
                _ => workers.ForEach(worker => worker.CheckTimeout(EngineTime.Now, timeout)), null, TimeSpan.FromMilliseconds(scan), TimeSpan.FromMilliseconds(scan));

            var working = Task.WhenAll(workers.Select(worker => Task.Run(worker.RunAsync, CancellationToken.None)));
            var ticking = ticker.RunAsync(working);
            // Forced off whichever thread ends the last worker: that can be the pacer's, which the
            // engine stops (and joins) below.
            await Task.WhenAny(working, control.Cut).ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
            if (!working.IsCompleted)
            {
                pacer.Stop(); // cut short: release the connections waiting for a due time
            }

            await working.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
            await ticking.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);

            plan.Observer?.Finished(Census(plan, workers));
            var windowEnd = control.WindowEnd;
            var dropped = new long[plan.Targets.Count];
            if (plan.Model == LoadModel.Open)
            {
                foreach (var (worker, index) in workers.Select((worker, index) => (worker, index)))
                {
                    for (var n = worker.NextUnsent; schedule.Due(index, n) < windowEnd; n++)
                    {
                        var due = schedule.Due(index, n);
                        if (due >= windowStart)
                        {
                            dropped[slices.TargetAt(due)]++;
                        }
                    }
                }
            }

            return new EngineResult(
                plan,
                EngineTime.Seconds(Math.Max(0, windowEnd - windowStart)),
                control.EndedBy,
                recorder.Totals(),
                ticker.SeriesTimeline,
                ticker.TargetTimeline,
                dropped,
                [.. Enumerable.Range(0, plan.Targets.Count).Select(target => EngineTime.Seconds(slices.ActiveTicks(target, windowStart, windowEnd)))],
                [.. Enumerable.Range(0, plan.Targets.Count).Select(target => workers.Sum(worker => (long)worker.ConnectsTo(target)))],
                control.Taken);
        }
        finally
        {
            foreach (var connection in connections.SelectMany(set => set))
            {
                connection.Dispose();
            }
        }
    }

    private static IReadOnlyList<ConnectionCensus> Census(EnginePlan plan, List<ConnectionWorker> workers) =>
        [.. Enumerable.Range(0, plan.Targets.Count).Select(target =>
        {
            long opened = 0, failed = 0;
            int open = 0, held = 0;
            foreach (var worker in workers)
            {
                var (connects, failures, isOpen) = worker.StateOf(target);
                opened += connects;
                failed += failures;
                open += isOpen ? 1 : 0;
                held += isOpen && connects == 1 && failures == 0 ? 1 : 0;
            }

            return new ConnectionCensus(plan.Connections, opened, failed, open, held);
        })];
}
