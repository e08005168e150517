namespace Pitchey.Migrations.Running;

/// <summary>The failure that stopped a run: which statement, and PostgreSQL's own words.</summary>
public sealed record MigrationFailure(int Line, string Statement, string Error);
