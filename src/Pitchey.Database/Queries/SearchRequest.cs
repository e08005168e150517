namespace Pitchey.Database.Queries;

/// <summary>One search request, already validated. <paramref name="Text"/> is whatever the user typed.</summary>
public sealed record SearchRequest(string Text, string? Genre, string? Format, int Limit, int Offset);
