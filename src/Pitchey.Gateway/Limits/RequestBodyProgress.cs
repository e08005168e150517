namespace Pitchey.Gateway.Limits;

/// <summary>
/// How far a proxied request's body has come, as seen by whoever reads it (YARP's copy to the
/// upstream): finished, or — the point of it — waiting on the client right now. When a route's
/// timeout fires while the copy waits on the client, the client is the slow party, not the
/// upstream, and the breaker must not count it. A request feature, set by <see cref="RequestLimitsMiddleware"/>.
/// </summary>
internal sealed class RequestBodyProgress : Stream
{
    private readonly Stream _inner;
    private int _waitingOnClient;
    private int _stalled;

    public RequestBodyProgress(Stream inner)
    {
        _inner = inner;
    }

    /// <summary>The client has sent the whole body.</summary>
    public bool Completed { get; private set; }

    /// <summary>A read of the client's body is outstanding, or ended cancelled or failed: the reader was waiting for the client.</summary>
    public bool WaitingOnClient => Volatile.Read(ref _waitingOnClient) != 0 || Volatile.Read(ref _stalled) != 0;

    /// <summary>True when a request still had body to send and its reader was waiting for the client.</summary>
    public static bool ClientIsSlow(HttpContext context) =>
        context.Features.Get<RequestBodyProgress>() is { Completed: false, WaitingOnClient: true };

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Volatile.Write(ref _waitingOnClient, 1);
        try
        {
            var read = await _inner.ReadAsync(buffer, cancellationToken);
            if (read == 0 && buffer.Length > 0)
            {
                Completed = true;
            }

            return read;
        }
        catch
        {
            // Cancelled (the route's timeout) or refused (Kestrel's rate or size limits) while
            // waiting on the client: remembered for whoever judges the outcome afterwards.
            Volatile.Write(ref _stalled, 1);
            throw;
        }
        finally
        {
            Volatile.Write(ref _waitingOnClient, 0);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("the request body is read asynchronously");

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
