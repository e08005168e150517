namespace Pitchey.LoadTests.Harness.Engine;

/// <summary>How requests are paced.</summary>
internal enum LoadModel
{
    /// <summary>A fixed rate, each request due at its time whatever the server does (wrk2): latency from the due time.</summary>
    Open,

    /// <summary>Each connection sends its next request as soon as the last response arrived: maximum throughput.</summary>
    Closed,
}
