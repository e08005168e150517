namespace Pitchey.Database.Indexes;

/// <summary>
/// The one rule for "this index is redundant beside that one", shared by the migration lint (an
/// index a strategy file is about to create) and the database insight (indexes that exist, on the
/// live catalog): same table, method and predicate, and keys equal to or leading the other's. A
/// unique index is redundant only beside another unique one with the same keys (a prefix of a
/// unique index does not enforce the prefix's uniqueness), and INCLUDE columns must be covered too.
/// </summary>
public static class IndexCoverage
{
    public static IndexRedundancy Compare(IndexKey index, IndexKey other)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(other);
        if (!string.Equals(index.Table, other.Table, StringComparison.Ordinal)
            || !string.Equals(index.Method, other.Method, StringComparison.Ordinal)
            || !IndexComparer.SamePredicate(index.Predicate, other.Predicate)
            || !index.Included.All(column => other.Keys.Contains(column, StringComparer.Ordinal) || other.Included.Contains(column, StringComparer.Ordinal)))
        {
            return IndexRedundancy.None;
        }

        if (index.Keys.SequenceEqual(other.Keys, StringComparer.Ordinal))
        {
            return !index.Unique || other.Unique ? IndexRedundancy.Duplicate : IndexRedundancy.None;
        }

        return !index.Unique && other.Keys.Count > index.Keys.Count && other.Keys.Take(index.Keys.Count).SequenceEqual(index.Keys, StringComparer.Ordinal)
            ? IndexRedundancy.Prefix
            : IndexRedundancy.None;
    }
}
