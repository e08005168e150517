using System.Globalization;
using Pitchey.LoadTests.Harness.Engine;
using Pitchey.LoadTests.Harness.Reports;
using Pitchey.LoadTests.Harness.Scenarios;

namespace Pitchey.LoadTests.Harness.Watches;

/// <summary>
/// The gateway's memory during a run, each <see cref="Interval"/>: the resident set of
/// <c>--target-pid</c> from <c>/proc/&lt;pid&gt;/status</c> (VmRSS, and VmHWM, the peak), or else the
/// working set the gateway itself exports on the management listener's <c>/metrics</c>. Read once
/// before the load too (before the connections open), so that what the load added shows.
/// </summary>
internal sealed class MemorySampler : IScenarioFigures
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly IMemorySource _source;
    private readonly RunEvents _events;
    private readonly int? _connections;
    private readonly Poller _poller;
    private readonly List<FigurePoint> _points = [];
    private readonly Lock _lock = new();
    private double? _before;
    private string? _failure;

    /// <param name="connections">Connections the run holds: the report gives the memory each one added.</param>
    private MemorySampler(IMemorySource source, RunEvents events, int? connections)
    {
        _source = source;
        _events = events;
        _connections = connections;
        _poller = new Poller(Interval, ReadAsync);
    }

    /// <summary>The sampler the settings allow (--target-pid, else --management), or one that says what to pass.</summary>
    public static async Task<IScenarioFigures> CreateAsync(ScenarioContext context, int? connections, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        IMemorySource? source = context.Settings.TargetPid is { } pid ? new ProcStatusMemory(pid)
            : context is { Management: { } management, Settings.Management: { } address } ? new MetricsMemory(management, new Uri(address, "/metrics"))
            : null;
        if (source is null)
        {
            return new UnavailableFigures("memory", "memory of the gateway", "pass --target-pid <pid> (or --management and the key) to sample the gateway's memory");
        }

        if (source is ProcStatusMemory proc && !proc.Exists)
        {
            throw new ScenarioException($"--target-pid {context.Settings.TargetPid}: no such process (/proc/{context.Settings.TargetPid}/status)");
        }

        var sampler = new MemorySampler(source, context.Events, connections);
        sampler._before = await sampler.ReadOnceAsync(cancellationToken);
        return sampler;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _poller.Start();
        return Task.CompletedTask;
    }

    public Task EndAsync(CancellationToken cancellationToken) => _poller.StopAsync(readOnceMore: true, cancellationToken);

    public FigureSetReport Report(RunResults results)
    {
        List<FigurePoint> points;
        lock (_lock)
        {
            points = [.. _points];
        }

        if (points.Count == 0)
        {
            return new FigureSetReport("memory", _source.Title, _failure ?? "not read", [], [], []);
        }

        var max = points.Max(point => point.Value);
        var values = new List<FigureValue>
        {
            new("before the load", _before.HasValue ? Math.Round(_before.Value, 1) : null, "MB", _before is null ? "not read" : "before the connections opened"),
            new("at the start", points[0].Value, "MB"),
            new("at most", max, "MB"),
            new("at the end", points[^1].Value, "MB"),
            new("growth over the window", Math.Round(points[^1].Value - points[0].Value, 1), "MB"),
        };
        if (_source.Peak() is { } peak)
        {
            values.Add(new FigureValue("peak of the process (VmHWM)", Math.Round(peak, 1), "MB"));
        }

        if (_connections is { } count && count > 0 && _before is { } before)
        {
            values.Add(new FigureValue("per connection", Math.Round((max - before) * 1024 / count, 2), "KB", "(at most - before the load) / connections"));
        }

        return new FigureSetReport("memory", _source.Title, _failure, values, [], [new FigureSeries(_source.SeriesName, "MB", points)]);
    }

    public ValueTask DisposeAsync() => _poller.DisposeAsync();

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        if (await ReadOnceAsync(cancellationToken) is { } megabytes)
        {
            var at = Math.Round(_events.SecondsAt(EngineTime.Now), 3);
            lock (_lock)
            {
                _points.Add(new FigurePoint(at, Math.Round(megabytes, 1)));
            }
        }
    }

    private async Task<double?> ReadOnceAsync(CancellationToken cancellationToken)
    {
        var (megabytes, failure) = await _source.ReadAsync(cancellationToken);
        if (failure is not null)
        {
            _failure = failure;
        }

        return megabytes;
    }

    internal static double? ParseKilobytes(string status, string field)
    {
        foreach (var line in status.Split('\n'))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                var parts = line[(field.Length + 1)..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return parts.Length > 0 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var kb) ? kb / 1024.0 : null;
            }
        }

        return null;
    }
}
