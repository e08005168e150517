namespace Pitchey.Database.Indexes;

/// <summary>How one index relates to another on the same table (<see cref="IndexCoverage.Compare"/>).</summary>
public enum IndexRedundancy
{
    /// <summary>It serves lookups the other does not.</summary>
    None,

    /// <summary>The same keys, method and predicate: the other already does all it does.</summary>
    Duplicate,

    /// <summary>Its keys lead the other's (same method and predicate): a btree is usable on its leading columns.</summary>
    Prefix,
}
