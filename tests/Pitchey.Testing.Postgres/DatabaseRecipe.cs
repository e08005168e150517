using Pitchey.LoadTests.Seeding;

namespace Pitchey.Testing.Postgres;

/// <summary>
/// What a <see cref="DatabaseEnvironment"/> is made of, in the order it is built: a primary
/// (with the schema or bare), seeded, indexed, set up by a script, then its streaming replicas,
/// which start with everything the primary has by then.
/// </summary>
public sealed record DatabaseRecipe
{
    /// <summary>Apply <c>config/sql/schema.sql</c> to the primary. Default true.</summary>
    public bool Schema { get; init; } = true;

    /// <summary>Fill the primary through the real seeder. Default none.</summary>
    public SeedPlan? Seed { get; init; }

    /// <summary>Build the real index strategy (<c>config/sql/indexes.sql</c>), then ANALYZE. Default false.</summary>
    public bool Indexes { get; init; }

    /// <summary>SQL run on the primary once the data is in. Default none.</summary>
    public string? Setup { get; init; }

    /// <summary>Streaming replicas of the primary (<c>pg_basebackup -R</c>). Default 0.</summary>
    public int Replicas { get; init; }

    /// <summary>
    /// <c>shared_preload_libraries = 'pg_stat_statements'</c> in the primary's postgresql.conf and the
    /// extension created in <c>pitchey</c>; replicas copy both. Default false, as the shipped default:
    /// other tests' clusters stay as they are.
    /// </summary>
    public bool PgStatStatements { get; init; }
}
