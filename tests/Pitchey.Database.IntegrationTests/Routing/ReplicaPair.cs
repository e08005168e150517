using Pitchey.Testing.Postgres;

namespace Pitchey.Database.IntegrationTests.Routing;

/// <summary>A primary with the schema and one streaming replica, shared by the tests of a class that leave both running.</summary>
public sealed class ReplicaPair() : DatabaseEnvironment(new DatabaseRecipe { Replicas = 1 });
