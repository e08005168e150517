namespace Pitchey.Migrations.Throttling;

/// <summary>A figure above its limit: <paramref name="Key"/> is the setting's full key, <paramref name="Message"/> what the operator reads ("replica 2 lag 14 s > 10 s").</summary>
public sealed record LimitBreach(string Key, string Message);
