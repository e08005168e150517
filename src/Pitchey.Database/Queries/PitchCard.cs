using System.Text.Json.Serialization;
using Npgsql;

namespace Pitchey.Database.Queries;

/// <summary>One pitch as browse and search list it; property names are the existing API's JSON names.</summary>
public sealed record PitchCard(
    long Id,
    string Title,
    string? Logline,
    string? Genre,
    string? Format,
    string? ProductionStage,
    int ViewCount,
    int LikeCount,
    decimal? EstimatedBudget,
    DateTime CreatedAt,
    [property: JsonPropertyName("hasNDA")] bool HasNda,
    PitchCreator Creator)
{
    /// <summary>The columns <see cref="Read"/> expects, in order, for a query over <c>pitches p JOIN users u</c>.</summary>
    internal const string Columns =
        "p.id, p.title, p.logline, p.genre, p.format, p.production_stage, p.view_count, p.like_count, " +
        "p.estimated_budget, p.created_at, p.require_nda, u.id, u.username, u.user_type, u.company_name";

    internal static PitchCard Read(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.IsDBNull(2) ? null : reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        reader.GetInt32(6),
        reader.GetInt32(7),
        reader.IsDBNull(8) ? null : reader.GetDecimal(8),
        reader.GetFieldValue<DateTime>(9),
        reader.GetBoolean(10),
        new PitchCreator(reader.GetInt64(11), reader.GetString(12), reader.GetString(13), reader.IsDBNull(14) ? null : reader.GetString(14)));
}
