namespace Pitchey.LoadTests.Harness.Engine;

/// <summary>What ended a run's measured window, as the report names it.</summary>
internal static class EndReasons
{
    public const string Duration = "duration";
    public const string MaxRequests = "max-requests";
    public const string Cancelled = "cancelled";
}
