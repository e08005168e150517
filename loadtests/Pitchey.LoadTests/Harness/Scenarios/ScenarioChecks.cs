namespace Pitchey.LoadTests.Harness.Scenarios;

/// <summary>The option checks several scenarios share, each a usage message naming the option.</summary>
internal static class ScenarioChecks
{
    public static string? OneTarget(Run.RunSettings settings, string scenario) =>
        settings.Compare.Count > 0 ? $"--compare is for pass-through; {scenario} measures one target" : null;

    public static string? NoPath(Run.RunSettings settings, string scenario) =>
        settings.Path is not null ? $"--path is not used by {scenario}: it sends the tuned endpoints' own paths" : null;

    public static string? PathShape(Run.RunSettings settings) =>
        settings.Path is { } path && !path.StartsWith('/') ? $"--path must start with '/', got '{path}'" : null;
}
