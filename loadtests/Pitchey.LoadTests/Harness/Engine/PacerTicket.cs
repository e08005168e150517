using System.Threading.Tasks.Sources;

namespace Pitchey.LoadTests.Harness.Engine;

/// <summary>
/// A connection's place in the <see cref="Pacer"/>'s queue: a reusable awaitable (no allocation per
/// wait) that the pacer completes at the due time. Its continuation runs on the pacer's thread, so the
/// request is written to the socket at once, without a hop through the thread pool that would add its
/// wake-up time to the send.
/// </summary>
internal sealed class PacerTicket : IValueTaskSource
{
    private ManualResetValueTaskSourceCore<bool> _core = new() { RunContinuationsAsynchronously = false };

    public ValueTask Arm()
    {
        _core.Reset();
        return new ValueTask(this, _core.Version);
    }

    public void Release() => _core.SetResult(true);

    public void GetResult(short token) => _core.GetResult(token);

    public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);
}
