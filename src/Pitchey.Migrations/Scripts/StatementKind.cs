namespace Pitchey.Migrations.Scripts;

/// <summary>What a statement of a strategy file is, as far as migrations care.</summary>
public enum StatementKind
{
    CreateIndex,
    DropIndex,
    Set,
    Reset,
    AlterSystem,
    Analyze,
    CreateExtension,
    BeginTransaction,
    EndTransaction,
    Query,
    Unknown,
}
