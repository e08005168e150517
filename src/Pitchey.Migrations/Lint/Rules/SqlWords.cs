namespace Pitchey.Migrations.Lint.Rules;

/// <summary>Words the rules must not take for column or function names.</summary>
internal static class SqlWords
{
    /// <summary>SQL keywords whose value changes from call to call: never immutable.</summary>
    public static readonly HashSet<string> NonImmutableKeywords = new(StringComparer.Ordinal)
    {
        "current_date", "current_time", "current_timestamp", "localtime", "localtimestamp", "current_user", "session_user",
        "current_role", "user",
    };

    /// <summary>Words that may appear in an expression or predicate without being a column.</summary>
    public static readonly HashSet<string> ExpressionKeywords = new(StringComparer.Ordinal)
    {
        "and", "or", "not", "is", "null", "true", "false", "in", "between", "like", "ilike", "similar", "to", "escape",
        "any", "all", "some", "case", "when", "then", "else", "end", "cast", "as", "distinct", "from", "interval", "date",
        "time", "timestamp", "timestamptz", "with", "without", "zone", "at", "collate", "asc", "desc", "nulls", "first",
        "last", "array", "row", "exists", "isnull", "notnull", "unknown", "symmetric", "text", "varchar", "integer", "int",
        "bigint", "numeric", "boolean", "jsonb", "json", "character", "varying", "double", "precision", "day", "hour",
        "minute", "second", "month", "year",
    };
}
