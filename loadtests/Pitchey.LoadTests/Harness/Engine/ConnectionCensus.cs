namespace Pitchey.LoadTests.Harness.Engine;

/// <summary>The engine's connections to one target as the run ends.</summary>
/// <param name="Connections">Connections the plan asked for.</param>
/// <param name="Opened">TCP connects tried, reconnects included.</param>
/// <param name="Failed">Of those, the ones that failed.</param>
/// <param name="OpenAtEnd">Connected when the last request had ended.</param>
/// <param name="HeldThroughout">Connected once, never again, and still open at the end: held for the whole run.</param>
internal sealed record ConnectionCensus(int Connections, long Opened, long Failed, int OpenAtEnd, int HeldThroughout);
