namespace Pitchey.LoadTests.Harness.Engine;

/// <summary>
/// One request, encoded once before the run for one target: the exact bytes that go on the wire
/// (request line, <c>Host</c>, the scenario's headers, the body). Connections share the array and
/// only read it, so sending costs a copy into the socket and nothing else.
/// </summary>
/// <param name="Bytes">The whole request.</param>
/// <param name="Series">Where its outcome is recorded: one series per target and request label.</param>
/// <param name="Head">A HEAD request: the response has no body.</param>
internal sealed record EncodedRequest(byte[] Bytes, int Series, bool Head);
