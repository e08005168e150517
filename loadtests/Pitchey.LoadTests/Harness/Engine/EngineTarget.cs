using System.Net;

namespace Pitchey.LoadTests.Harness.Engine;

/// <summary>One address the engine sends to, and what it sends there.</summary>
/// <param name="Endpoint">The resolved loopback address and port.</param>
/// <param name="Mix">The scenario's requests, encoded for this target.</param>
internal sealed record EngineTarget(EndPoint Endpoint, RequestMix Mix);
