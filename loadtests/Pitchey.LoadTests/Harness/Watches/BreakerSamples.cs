using System.Net.Http.Json;
using System.Text.Json;
using Pitchey.Database.Diagnostics;
using Pitchey.LoadTests.Harness.Engine;
using Pitchey.LoadTests.Harness.Reports;
using Pitchey.LoadTests.Harness.Scenarios;
using Polly.CircuitBreaker;

namespace Pitchey.LoadTests.Harness.Watches;

/// <summary>
/// What the breaker scenario reads a few times a second beside the load: the stand-in's request
/// count and, with <c>--management</c>, every cluster's breaker from <c>/admin/breakers</c> (its state
/// changes become events, its own rejection count a figure). Each count is bracketed by the client's
/// tallies of rejections and other answers, read just before and just after it, so that the report can
/// say how many requests reached the upstream between two reads while every answer was a rejection.
/// </summary>
internal sealed class BreakerSamples : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    private readonly RunEvents _events;
    private readonly HttpClient _control;
    private readonly Uri _stats;
    private readonly HttpClient? _management;
    private readonly Uri? _breakers;
    private readonly Func<(long Rejections, long Others)> _tally;
    private readonly Poller _poller;
    private readonly List<Sample> _samples = [];
    private readonly Dictionary<string, (string State, long FirstRejections, long LastRejections)> _clusters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<FigurePoint>> _states = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private string? _managementFailure;

    public BreakerSamples(RunEvents events, HttpClient control, Uri standIn, HttpClient? management, Uri? managementAddress, Func<(long, long)> tally)
    {
        _events = events;
        _control = control;
        _stats = new Uri(standIn, "/_standin/stats");
        _management = management;
        _breakers = managementAddress is null ? null : new Uri(managementAddress, "/admin/breakers");
        _tally = tally;
        _poller = new Poller(Interval, ReadAsync);
    }

    public void Start() => _poller.Start();

    /// <summary>Stops, after a last read: the gateway's count then holds every rejection of the run.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => _poller.StopAsync(readOnceMore: true, cancellationToken);

    /// <summary>Upstream requests while open, and the management listener's figures.</summary>
    public IEnumerable<FigureValue> Values()
    {
        List<Sample> samples;
        lock (_lock)
        {
            samples = [.. _samples];
        }

        var (growth, intervals, rejections) = WhileOpen(samples);
        yield return new FigureValue("upstream requests while open", intervals > 0 ? growth : null, "count",
            intervals > 0
                ? $"stand-in requests between {intervals} pairs of reads {Interval.TotalMilliseconds:0} ms apart, with {rejections} rejections and no other answer around them"
                : "no pair of stand-in reads fell inside an open breaker");
        if (_management is null)
        {
            yield break;
        }

        if (_managementFailure is { } failure)
        {
            yield return new FigureValue("rejections counted by the gateway", null, "count", failure);
            yield break;
        }

        foreach (var (cluster, (state, first, last)) in _clusters.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            yield return new FigureValue($"rejections counted by the gateway ({cluster})", last - first, "count", $"/admin/breakers; state at the end: {state}");
        }
    }

    /// <summary>Per cluster, its state as a gauge (0 closed, 1 half-open, 2 open, 3 isolated) at each change.</summary>
    public IEnumerable<FigureSeries> Series()
    {
        lock (_lock)
        {
            return [.. _states.OrderBy(entry => entry.Key, StringComparer.Ordinal)
                .Select(entry => new FigureSeries($"breaker {entry.Key} state (0 closed, 1 half-open, 2 open, 3 isolated)", "state", [.. entry.Value]))];
        }
    }

    public ValueTask DisposeAsync() => _poller.DisposeAsync();

    /// <summary>
    /// Reads i and i+1 bracket a stretch of pure rejections when some rejection came between them and no
    /// other answer came from one read earlier to one read later (a forwarded request counted by the
    /// stand-in just before a read is answered just after it). Gives the stand-in's growth over those.
    /// </summary>
    internal static (long Growth, int Intervals, long Rejections) WhileOpen(IReadOnlyList<Sample> samples)
    {
        long growth = 0, rejections = 0;
        var intervals = 0;
        for (var i = 1; i + 2 < samples.Count; i++)
        {
            var (previous, start, end, next) = (samples[i - 1], samples[i], samples[i + 1], samples[i + 2]);
            if (start.Count is not { } from || end.Count is not { } to || previous.Count is null || next.Count is null)
            {
                continue;
            }

            var rejected = end.RejectionsBefore - start.RejectionsAfter;
            if (rejected > 0 && next.OthersAfter == previous.OthersBefore)
            {
                growth += to - from;
                rejections += rejected;
                intervals++;
            }
        }

        return (growth, intervals, rejections);
    }

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        var (rejectionsBefore, othersBefore) = _tally();
        long? count = null;
        try
        {
            var stats = await _control.GetFromJsonAsync<JsonElement>(_stats, cancellationToken);
            count = stats.TryGetProperty("requests", out var requests) && requests.TryGetInt64(out var value) ? value : null;
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
        }

        var (rejectionsAfter, othersAfter) = _tally();
        lock (_lock)
        {
            _samples.Add(new Sample(rejectionsBefore, othersBefore, count, rejectionsAfter, othersAfter));
        }

        if (_management is not null && _breakers is not null)
        {
            await ReadBreakersAsync(cancellationToken);
        }
    }

    private async Task ReadBreakersAsync(CancellationToken cancellationToken)
    {
        JsonElement answer;
        try
        {
            answer = await _management!.GetFromJsonAsync<JsonElement>(_breakers, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            _managementFailure = $"{_breakers} could not be read ({exception.GetType().Name})";
            return;
        }

        if (!answer.TryGetProperty("clusters", out var clusters) || clusters.ValueKind != JsonValueKind.Array)
        {
            _managementFailure = $"{_breakers} answered without 'clusters'";
            return;
        }

        var at = Math.Round(_events.SecondsAt(EngineTime.Now), 3);
        foreach (var cluster in clusters.EnumerateArray())
        {
            var name = cluster.GetProperty("cluster").GetString() ?? "";
            var state = cluster.GetProperty("state").GetString() ?? "";
            var rejections = cluster.TryGetProperty("rejections", out var r) && r.TryGetInt64(out var n) ? n : 0;
            lock (_lock)
            {
                if (!_clusters.TryGetValue(name, out var seen))
                {
                    _clusters[name] = (state, rejections, rejections);
                    _states[name] = [new FigurePoint(at, Gauge(state))];
                    continue;
                }

                _clusters[name] = (state, seen.FirstRejections, rejections);
                if (seen.State != state)
                {
                    _states[name].Add(new FigurePoint(at, Gauge(state)));
                    _events.Add($"breaker {name} {state}", "the management listener's /admin/breakers");
                }
            }
        }
    }

    private static double Gauge(string word) =>
        Enum.GetValues<CircuitState>().Where(state => CircuitStates.Word(state) == word).Select(state => (double)CircuitStates.GaugeValue(state)).FirstOrDefault(-1);

    /// <summary>One read: the client's tallies just before, the stand-in's count (null when unread), the tallies just after.</summary>
    internal sealed record Sample(long RejectionsBefore, long OthersBefore, long? Count, long RejectionsAfter, long OthersAfter);
}
