namespace Pitchey.LoadTests.Harness.Scenarios;

/// <summary>
/// <c>pass-through</c>: one forwarded GET (<c>--path</c>, default <see cref="DefaultPath"/>), the
/// proxy's own cost. With <c>--compare &lt;url&gt;...</c> the same run sends it, in alternating slices,
/// to the gateway and to each compared address (the upstream alone, a bare YARP), so that machine
/// noise and drift hit all of them alike; the report gives each target's figures and their ratios to
/// the first. <c>--standin</c> adds the upstream's request count: forwarded requests per request sent.
/// </summary>
internal sealed class PassThroughScenario : IScenario
{
    public const string ScenarioName = "pass-through";

    /// <summary>A path the gateway forwards (none of its own endpoints answers it).</summary>
    public const string DefaultPath = "/api/pitches/1";

    public const string Label = "forwarded";

    public string Name => ScenarioName;

    public string Description => "one forwarded GET (--path, default /api/pitches/1); --compare measures other addresses in the same run";

    public string? Validate(Run.RunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Path is { } path && !path.StartsWith('/') ? $"--path must start with '/', got '{path}'" : null;
    }

    public Task<ScenarioPlan> PrepareAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = new ScenarioRequest(Label, 1, HttpRequestTemplate.Get(context.Settings.Path ?? DefaultPath));
        return Task.FromResult(new ScenarioPlan([request], [], []));
    }
}
