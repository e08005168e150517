namespace Pitchey.Database.Queries;

/// <summary>Browse sort keys; the byte values are part of the cursor format.</summary>
public enum BrowseSort : byte
{
    Date = 0,
    Views = 1,
    Likes = 2,
    Budget = 3,
}
