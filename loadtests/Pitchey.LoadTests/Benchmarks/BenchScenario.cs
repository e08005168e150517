namespace Pitchey.LoadTests.Benchmarks;

/// <summary>One measured call: a tuned query with its arguments, as the report names it.</summary>
internal sealed record BenchScenario(string Name, Func<CancellationToken, Task> Run);
