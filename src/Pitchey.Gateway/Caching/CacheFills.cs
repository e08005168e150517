using System.Collections.Concurrent;

namespace Pitchey.Gateway.Caching;

/// <summary>The fills in flight in this gateway, one per key at most, and how many requests wait on them right now.</summary>
internal sealed class CacheFills
{
    private readonly ConcurrentDictionary<string, CacheFill> _inFlight = new(StringComparer.Ordinal);
    private long _waiting;

    /// <summary>Requests waiting on another's fill at this moment (tests wait on it).</summary>
    public long Waiting => Interlocked.Read(ref _waiting);

    /// <summary>Fills in flight at this moment.</summary>
    public int InFlight => _inFlight.Count;

    /// <summary>True: the caller fills <paramref name="key"/> and must <see cref="End"/> it; false: <paramref name="fill"/> is someone else's.</summary>
    public bool TryBegin(string key, out CacheFill fill)
    {
        var mine = new CacheFill();
        fill = _inFlight.GetOrAdd(key, mine);
        return ReferenceEquals(fill, mine);
    }

    public bool IsFilling(string key) => _inFlight.ContainsKey(key);

    /// <summary>Removes the fill, then wakes its waiters: a request arriving after this finds the store, not the fill.</summary>
    public void End(string key, CacheFill fill, CachedResponse? entry, string? storedKey, bool failed)
    {
        _inFlight.TryRemove(new KeyValuePair<string, CacheFill>(key, fill));
        fill.Complete(entry, storedKey, failed);
    }

    /// <summary>Waits for <paramref name="fill"/> at most <paramref name="timeout"/>; null when it ran out (the caller then asks the backend itself).</summary>
    public async Task<Task<CachedResponse?>?> WaitAsync(CacheFill fill, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            await fill.Task.WaitAsync(timeout, time, cancellationToken);
            return fill.Task;
        }
        catch (TimeoutException)
        {
            return null;
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }
}
