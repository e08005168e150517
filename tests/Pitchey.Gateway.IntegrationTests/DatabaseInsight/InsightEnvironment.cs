using Pitchey.Testing.Gateway;
using Pitchey.Testing.Postgres;

namespace Pitchey.Gateway.IntegrationTests.DatabaseInsight;

/// <summary>
/// A primary with <c>pg_stat_statements</c>, one streaming replica and planted tables: indexes that
/// are unused, duplicated, unique, or used on the replica only, and a table read by sequential scans.
/// </summary>
public sealed class InsightEnvironment() : GatewayEnvironment(new GatewayRecipe
{
    StandIn = true,
    Database = new DatabaseRecipe { PgStatStatements = true, Replicas = 1, Setup = PlantedSql },
    Settings = static settings =>
    {
        // Every round a second apart, and every planted index counts: no size floor, no minimum age.
        settings["Database:Insight:Interval"] = "00:00:01";
        settings["Database:Insight:UnusedIndexMinBytes"] = "0";
        settings["Database:Insight:MinimumStatisticsAge"] = "00:00:00";
    },
})
{
    private const string PlantedSql = """
        CREATE TABLE insight_plain (id bigint PRIMARY KEY, code text NOT NULL, tag text NOT NULL, note text NOT NULL);
        INSERT INTO insight_plain SELECT g, 'c' || g, 't' || (g % 100), 'n' || g FROM generate_series(1, 20000) AS g;
        CREATE INDEX insight_unused_idx ON insight_plain (note);
        CREATE INDEX insight_code_idx ON insight_plain (code);
        CREATE INDEX insight_code_copy_idx ON insight_plain (code);
        CREATE UNIQUE INDEX insight_id_code_unique ON insight_plain (id, code);
        CREATE INDEX insight_replica_idx ON insight_plain (tag);
        CREATE TABLE insight_scanned (id bigint NOT NULL, label text NOT NULL);
        INSERT INTO insight_scanned SELECT g, 'l' || g FROM generate_series(1, 20000) AS g;
        ANALYZE insight_plain;
        ANALYZE insight_scanned;
        """;
}
