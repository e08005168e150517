namespace Pitchey.StandIn;

/// <summary>What the echo answers: the request as it arrived.</summary>
internal sealed record EchoBody(
    string Method, string Path, string Query, Dictionary<string, string> Headers, long BodyLength, string BodySha256, string? RemoteAddress);
