namespace Pitchey.StandIn;

/// <summary>Requests received since start, control calls excluded.</summary>
internal sealed class RequestCounter
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void Increment() => Interlocked.Increment(ref _count);
}
