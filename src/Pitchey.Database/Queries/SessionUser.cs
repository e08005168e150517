namespace Pitchey.Database.Queries;

/// <summary>The signed-in user as <c>/api/auth/session</c> returns it (the existing API's names).</summary>
public sealed record SessionUser(
    long Id,
    string Email,
    string Username,
    string Name,
    string UserType,
    string? FirstName,
    string? LastName,
    string? Bio,
    string? CompanyName,
    string? ProfileImage);
