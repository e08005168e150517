namespace Pitchey.Gateway.IntegrationTests.Caching;

/// <summary>The response cache tests, sharing one <see cref="CacheEnvironment"/>, one after the other (upstream and statement counts stay exact).</summary>
[CollectionDefinition(Name)]
public sealed class CacheCollection : ICollectionFixture<CacheEnvironment>
{
    public const string Name = "response cache: seeded database with pg_stat_statements, stand-in";
}
