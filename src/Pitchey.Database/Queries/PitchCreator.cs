namespace Pitchey.Database.Queries;

/// <summary>The pitch's creator as lists show it.</summary>
public sealed record PitchCreator(long Id, string Username, string UserType, string? CompanyName);
