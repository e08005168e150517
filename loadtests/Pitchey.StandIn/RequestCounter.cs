namespace Pitchey.StandIn;

/// <summary>Requests received since start, and those answered after their whole body arrived; control calls excluded.</summary>
internal sealed class RequestCounter
{
    private long _count;
    private long _completed;

    /// <summary>Requests whose headers arrived.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>Requests whose whole body arrived and that were answered: an aborted upload never counts here.</summary>
    public long Completed => Interlocked.Read(ref _completed);

    public void Increment() => Interlocked.Increment(ref _count);

    public void Complete() => Interlocked.Increment(ref _completed);
}
