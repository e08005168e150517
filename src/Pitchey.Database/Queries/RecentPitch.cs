namespace Pitchey.Database.Queries;

/// <summary>One of the creator's five newest pitches.</summary>
public sealed record RecentPitch(long Id, string Title, string? Logline, string? Genre, string Status, int Views, int Likes, long NdaRequests);
