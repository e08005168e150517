namespace Pitchey.Migrations.Verification;

/// <summary>A sequential scan of a table at or above <see cref="MigrationOptions.LargeTableRows"/>.</summary>
public sealed record LargeScan(string Query, string Table, long EstimatedRows);
