using Pitchey.Database.DataSources;

namespace Pitchey.Database.Routing;

/// <summary>What the work returned and where it ran.</summary>
public sealed record RoutedResult<T>(T Value, DatabaseHost Host, bool OnReplica);
