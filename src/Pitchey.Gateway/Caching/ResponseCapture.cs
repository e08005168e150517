using System.Buffers;

namespace Pitchey.Gateway.Caching;

/// <summary>
/// The response body while a fill runs. Before the first byte goes anywhere it asks its owner what
/// the response is (<see cref="CaptureMode"/>): a storable answer is written through to the client
/// and copied, up to <c>Cache:MaxEntrySize</c> (past that the copy is dropped, the client still gets
/// everything); a failure that a stale answer will replace is swallowed, so the client never sees a
/// byte of it. A background refresh has no client: everything goes to the copy.
/// The copy grows in buffers rented from the shared pool (a cold answer is copied once more, into
/// the entry, and the rest is reused), so a miss costs the entry's bytes rather than a doubling
/// series of arrays; the owner calls <see cref="Release"/> once the entry is built.
/// </summary>
internal sealed class ResponseCapture : Stream
{
    private readonly Stream _client;
    private readonly Func<CaptureMode> _decide;
    private readonly long _maxBytes;
    private const int FirstBufferSize = 16 * 1024;

    private byte[]? _copy = ArrayPool<byte>.Shared.Rent(FirstBufferSize);
    private int _copied;

    public ResponseCapture(Stream client, Func<CaptureMode> decide, long maxBytes)
    {
        _client = client;
        _decide = decide;
        _maxBytes = maxBytes;
    }

    public CaptureMode Mode { get; private set; }

    /// <summary>The copy, or empty when it overflowed (see <see cref="Complete"/>).</summary>
    public ReadOnlyMemory<byte> Copy => _copy is null ? ReadOnlyMemory<byte>.Empty : _copy.AsMemory(0, _copied);

    /// <summary>True when the whole body is in <see cref="Copy"/>.</summary>
    public bool Complete => _copy is not null;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Decides now if nothing was written: a response without a body.</summary>
    public CaptureMode Decide()
    {
        if (Mode == CaptureMode.Undecided)
        {
            Mode = _decide();
            if (Mode != CaptureMode.Store)
            {
                Release();
            }
        }

        return Mode;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var mode = Decide();
        if (mode == CaptureMode.Swallow)
        {
            return ValueTask.CompletedTask;
        }

        Keep(buffer.Span);
        return _client.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count)
    {
        if (Decide() == CaptureMode.Swallow)
        {
            return;
        }

        Keep(buffer.AsSpan(offset, count));
        _client.Write(buffer, offset, count);
    }

    public override Task FlushAsync(CancellationToken cancellationToken) =>
        Decide() == CaptureMode.Swallow ? Task.CompletedTask : _client.FlushAsync(cancellationToken);

    public override void Flush()
    {
        if (Decide() != CaptureMode.Swallow)
        {
            _client.Flush();
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private void Keep(ReadOnlySpan<byte> data)
    {
        if (_copy is null)
        {
            return;
        }

        var needed = _copied + data.Length;
        if (needed > _maxBytes)
        {
            Release();
            return;
        }

        if (needed > _copy.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max(needed, _copy.Length * 2L), Math.Max(_maxBytes, needed)));
            _copy.AsSpan(0, _copied).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_copy);
            _copy = larger;
        }

        data.CopyTo(_copy.AsSpan(_copied));
        _copied = needed;
    }

    /// <summary>Gives the copy's buffer back to the pool; <see cref="Copy"/> is empty and <see cref="Complete"/> false after.</summary>
    public void Release()
    {
        if (_copy is { } buffer)
        {
            _copy = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
