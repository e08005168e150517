using Pitchey.LoadTests.Seeding;
using Pitchey.Testing.Postgres;

namespace Pitchey.Database.IntegrationTests.Queries;

/// <summary>
/// One primary seeded once, 100,000 pitches (big enough that a sequential scan is clearly the
/// planner's worse choice), with the real index strategy and <see cref="PlantedText"/>; shared by
/// the <see cref="SeededDatabaseCollection"/>.
/// </summary>
public sealed class SeededDatabase() : DatabaseEnvironment(new DatabaseRecipe
{
    Seed = new SeedPlan(Users: 5_000, Pitches: 100_000, Sessions: 20_000, Views: 0),
    Indexes = true,
    Setup = PlantedText,
})
{
    /// <summary>
    /// Text substring search must match literally, in a few of the newest visible pitches (and one
    /// in the oldest): <c>%</c>, <c>_</c> and <c>\</c>, each beside a decoy that the same text would
    /// match as an unescaped pattern. Only the text of existing rows changes, so no count does.
    /// </summary>
    public const string PlantedText = """
        WITH visible AS (
            SELECT id, row_number() OVER (ORDER BY created_at DESC, id DESC) AS n,
                   row_number() OVER (ORDER BY created_at, id) AS oldest
            FROM pitches WHERE status = 'published' AND visibility = 'public')
        UPDATE pitches p SET
            title = CASE v.n WHEN 10 THEN '100% Pure Drama' WHEN 30 THEN '100 Ways To Be Pure' ELSE p.title END,
            logline = CASE WHEN v.n = 50 THEN 'The snake_case killer returns' WHEN v.n = 70 THEN 'A snake case study, snakeXcase too'
                           WHEN v.oldest = 1 THEN '50% off a haunted house' ELSE p.logline END,
            description = CASE v.n WHEN 90 THEN 'Found in C:\Films\Noir after the war.' WHEN 110 THEN 'Found in C:Films, not in a folder.' ELSE p.description END
        FROM visible v
        WHERE p.id = v.id AND (v.n IN (10, 30, 50, 70, 90, 110) OR v.oldest = 1);
        ANALYZE pitches;
        """;
}
