namespace Pitchey.LoadTests.Harness.Scenarios;

/// <summary>The options a scenario that measures one gateway with its own paths refuses (the cache scenarios share them).</summary>
internal static class OneGatewayRules
{
    public static string? Refuse(Run.RunSettings settings, string scenario)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Compare.Count > 0 ? $"--compare is for pass-through; {scenario} measures one gateway"
            : settings.Path is not null ? $"--path is for pass-through; {scenario} sends its own paths"
            : null;
    }
}
