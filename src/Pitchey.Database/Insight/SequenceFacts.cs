namespace Pitchey.Database.Insight;

/// <summary>A sequence (<c>pg_sequences</c>) and the column it feeds, whose type may end it sooner than its own maximum.</summary>
/// <param name="LastValue">Null when never used, or when the role may not read it.</param>
public sealed record SequenceFacts(
    string Schema,
    string Name,
    long? LastValue,
    long MaxValue,
    long Increment,
    string DataType,
    string? Table,
    string? Column,
    string? ColumnType)
{
    /// <summary>The value where it really stops: its maximum, or the column type's when smaller.</summary>
    public long EffectiveMax => ColumnType switch
    {
        "smallint" => Math.Min(MaxValue, short.MaxValue),
        "integer" => Math.Min(MaxValue, int.MaxValue),
        _ => MaxValue,
    };
}
