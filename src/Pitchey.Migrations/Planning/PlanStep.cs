namespace Pitchey.Migrations.Planning;

/// <summary>One line of a plan: what a step would do, against what, and how to undo it.</summary>
public sealed record PlanStep(
    int Phase,
    string PhaseName,
    int Line,
    string What,
    string? Table,
    long? TableRows,
    long? TableBytes,
    string State,
    string Action,
    string Rollback);
