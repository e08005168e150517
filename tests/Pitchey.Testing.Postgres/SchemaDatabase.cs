namespace Pitchey.Testing.Postgres;

/// <summary>One primary with the schema and nothing else, for a test class (starting one per test would dominate its run time).</summary>
public sealed class SchemaDatabase() : DatabaseEnvironment(new DatabaseRecipe());
