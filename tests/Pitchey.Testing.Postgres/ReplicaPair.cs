namespace Pitchey.Testing.Postgres;

/// <summary>A primary with the schema and one streaming replica, shared by the tests of a class that leave both running (replay resumed).</summary>
public sealed class ReplicaPair() : DatabaseEnvironment(new DatabaseRecipe { Replicas = 1 });
