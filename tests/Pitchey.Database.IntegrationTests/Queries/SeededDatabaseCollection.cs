namespace Pitchey.Database.IntegrationTests.Queries;

/// <summary>The query tests that read one <see cref="SeededDatabase"/>; none of them changes what another counts.</summary>
[CollectionDefinition(Name)]
public sealed class SeededDatabaseCollection : ICollectionFixture<SeededDatabase>
{
    public const string Name = "seeded query database";
}
