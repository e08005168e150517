namespace Pitchey.Migrations.Running;

/// <summary>The failure that stopped a run: which statement, and the words of whoever stopped it.</summary>
/// <param name="Source">Who speaks in <paramref name="Error"/>: <see cref="PostgreSql"/> (its SQLSTATE and message) or <see cref="Throttle"/> (a limit or the wait budget).</param>
public sealed record MigrationFailure(int Line, string Statement, string Error, string Source = MigrationFailure.PostgreSql)
{
    public const string PostgreSql = "PostgreSQL";
    public const string Throttle = "throttle";
}
