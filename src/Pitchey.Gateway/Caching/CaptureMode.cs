namespace Pitchey.Gateway.Caching;

/// <summary>What <see cref="ResponseCapture"/> does with a response, decided before its first byte leaves.</summary>
internal enum CaptureMode
{
    /// <summary>Nothing written yet.</summary>
    Undecided,

    /// <summary>To the client and into the buffer: it may be stored.</summary>
    Store,

    /// <summary>To the client only: not storable.</summary>
    PassThrough,

    /// <summary>To nobody: the backend failed and a stale answer will be served instead.</summary>
    Swallow,
}
