using Pitchey.Database.Indexes;

namespace Pitchey.Database.Tests.Indexes;

public sealed class IndexCoverageTests
{
    [Theory]
    [InlineData("a", "a", IndexRedundancy.Duplicate)]
    [InlineData("a", "a,b", IndexRedundancy.Prefix)]
    [InlineData("a,b", "a", IndexRedundancy.None)]
    [InlineData("b", "a,b", IndexRedundancy.None)]
    [InlineData("a DESC", "a", IndexRedundancy.None)]
    public void Compare_ByKeys(string keys, string otherKeys, IndexRedundancy expected) =>
        Assert.Equal(expected, IndexCoverage.Compare(Key(keys), Key(otherKeys)));

    [Fact]
    public void Compare_AnotherMethodTableOrPredicate_IsNeverRedundant()
    {
        Assert.Equal(IndexRedundancy.None, IndexCoverage.Compare(Key("a"), Key("a") with { Method = "hash" }));
        Assert.Equal(IndexRedundancy.None, IndexCoverage.Compare(Key("a"), Key("a") with { Table = "public.other" }));
        Assert.Equal(IndexRedundancy.None, IndexCoverage.Compare(Key("a") with { Predicate = "(x > 1)" }, Key("a")));
        Assert.Equal(IndexRedundancy.Duplicate, IndexCoverage.Compare(Key("a") with { Predicate = "(x > 1)" }, Key("a") with { Predicate = "x > 1" }));
    }

    [Fact]
    public void Compare_UniqueIndexes_AreRedundantOnlyBesideAUniqueOneWithTheSameKeys()
    {
        Assert.Equal(IndexRedundancy.None, IndexCoverage.Compare(Key("a") with { Unique = true }, Key("a")));
        Assert.Equal(IndexRedundancy.None, IndexCoverage.Compare(Key("a") with { Unique = true }, Key("a,b") with { Unique = true }));
        Assert.Equal(IndexRedundancy.Duplicate, IndexCoverage.Compare(Key("a") with { Unique = true }, Key("a") with { Unique = true }));
        Assert.Equal(IndexRedundancy.Duplicate, IndexCoverage.Compare(Key("a"), Key("a") with { Unique = true }));
    }

    [Fact]
    public void Compare_IncludedColumns_MustBeCoveredByTheOther()
    {
        Assert.Equal(IndexRedundancy.None, IndexCoverage.Compare(Key("a") with { Included = ["c"] }, Key("a,b")));
        Assert.Equal(IndexRedundancy.Prefix, IndexCoverage.Compare(Key("a") with { Included = ["b"] }, Key("a,b")));
    }

    private static IndexKey Key(string keys) => new("public.t", "btree", keys.Split(','), [], null, false);
}
