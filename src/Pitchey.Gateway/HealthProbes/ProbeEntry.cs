using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Pitchey.Gateway.HealthProbes;

/// <summary>One check's outcome. <see cref="Description"/> is the check's own short message.</summary>
internal sealed record ProbeEntry(
    string Name,
    HealthStatus Status,
    string? Description,
    TimeSpan Duration,
    bool TimedOut,
    IReadOnlyCollection<string> Tags,
    IReadOnlyDictionary<string, object> Data);
