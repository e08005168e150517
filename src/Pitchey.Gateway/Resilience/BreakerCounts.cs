namespace Pitchey.Gateway.Resilience;

/// <summary>What a breaker has recorded since it was built.</summary>
internal readonly record struct BreakerCounts(long Failures, long Successes, long Ignored, long Rejections);
