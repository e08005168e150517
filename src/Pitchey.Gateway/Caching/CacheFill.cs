namespace Pitchey.Gateway.Caching;

/// <summary>
/// One request filling one key; others that miss the same key wait on it (bounded) and share its
/// answer. Its outcome is the stored entry, or null: not storable (each waiter then asks the backend
/// itself), or — <see cref="Failed"/> — the backend failed, and waiters holding a stale answer serve
/// that instead of asking a failing backend again.
/// </summary>
internal sealed class CacheFill
{
    private readonly TaskCompletionSource<CachedResponse?> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<CachedResponse?> Task => _done.Task;

    public bool Failed { get; private set; }

    /// <summary>The key the entry went under: the fill's own, or a variant of it when the answer came with <c>Vary</c>.</summary>
    public string? StoredKey { get; private set; }

    public void Complete(CachedResponse? entry, string? storedKey, bool failed)
    {
        Failed = failed;
        StoredKey = storedKey;
        _done.TrySetResult(entry);
    }
}
