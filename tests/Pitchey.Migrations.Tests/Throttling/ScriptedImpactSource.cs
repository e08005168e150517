using Pitchey.Migrations.Throttling;

namespace Pitchey.Migrations.Tests.Throttling;

/// <summary>Answers samples from a script: one sample per call, the last one repeated; counts the calls and the tables asked for.</summary>
internal sealed class ScriptedImpactSource(params ImpactSample[] samples) : IImpactSource
{
    private int _calls;

    public int Calls => _calls;

    public List<string?> Tables { get; } = [];

    /// <summary>Runs before each sample is answered, with its 1-based number (a test's hook to act "while the build runs").</summary>
    public Action<int>? OnSample { get; set; }

    public Task<ImpactSample> SampleAsync(string? table, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref _calls);
        Tables.Add(table);
        OnSample?.Invoke(call);
        return Task.FromResult(samples[Math.Min(call, samples.Length) - 1]);
    }

    public static ImpactSample Lag(params double[] seconds) =>
        new(seconds.Select((s, i) => new ReplicaFigure($"replica {i + 1}", TimeSpan.FromSeconds(s), 0)).ToList(), 1, 0, TimeSpan.FromMilliseconds(1));
}
