using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace Pitchey.LoadTests.Harness.Engine;

/// <summary>
/// One keep-alive HTTP/1.1 connection to one target, as wrk keeps them: a plain socket (Nagle off),
/// one request at a time, pre-encoded bytes out, the response parsed in a fixed 16 KB buffer and
/// dropped. It connects when first used and again after the server closed it or an error.
/// HttpClient is deliberately not used: on a 2-core machine the client shares the CPU with the
/// server under test, and HttpClient's per-request work (headers, pools, content streams) would
/// move the server's number.
/// </summary>
internal sealed class HttpConnection(EndPoint endpoint) : IDisposable
{
    /// <summary>Large enough for any header block the targets send; bodies stream through it.</summary>
    private const int BufferSize = 16 * 1024;

    private readonly byte[] _buffer = new byte[BufferSize];
    private readonly HttpResponseParser _parser = new();
    private Socket? _socket;

    /// <summary>Connections opened so far (the first one included).</summary>
    public int Connects { get; private set; }

    /// <summary>Of <see cref="Connects"/>, those that failed (refused, timed out, aborted while connecting).</summary>
    public int ConnectFailures { get; private set; }

    /// <summary>
    /// Connected now, as far as this side can tell without sending: the socket is there and the
    /// server has not closed it (a closed socket reads as readable with nothing to read).
    /// </summary>
    public bool IsOpen
    {
        get
        {
            var socket = Volatile.Read(ref _socket);
            try
            {
                return socket is { Connected: true } && !(socket.Poll(0, SelectMode.SelectRead) && socket.Available == 0);
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
            {
                return false;
            }
        }
    }

    /// <summary>
    /// Sends <paramref name="request"/> and reads its whole response. Never throws for the
    /// target's faults: they come back as the outcome's error.
    /// </summary>
    // A pooled builder: a per-request state machine box would be the hot path's only allocation.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<RequestOutcome> ExecuteAsync(EncodedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            var socket = _socket ?? await ConnectAsync();
            var bytes = request.Bytes.AsMemory();
            while (!bytes.IsEmpty)
            {
                bytes = bytes[await socket.SendAsync(bytes, SocketFlags.None)..];
            }

            _parser.Reset(request.Head);
            int start = 0, end = 0;
            while (true)
            {
                if (end == _buffer.Length)
                {
                    if (start == 0)
                    {
                        return Fail(ErrorKind.Other); // one header line larger than the buffer
                    }

                    _buffer.AsSpan(start, end - start).CopyTo(_buffer);
                    end -= start;
                    start = 0;
                }

                var read = await socket.ReceiveAsync(_buffer.AsMemory(end), SocketFlags.None);
                if (read == 0)
                {
                    var closed = _parser.Closed();
                    Close();
                    return closed == ParseStatus.Complete ? new RequestOutcome(_parser.StatusCode, ErrorKind.None, _parser.RetryAfter) : RequestOutcome.Failed(ErrorKind.Reset);
                }

                end += read;
                var status = _parser.Parse(_buffer.AsSpan(start, end - start), out var consumed);
                start += consumed;
                if (status == ParseStatus.Complete)
                {
                    if (!_parser.KeepAlive)
                    {
                        Close();
                    }

                    return new RequestOutcome(_parser.StatusCode, ErrorKind.None, _parser.RetryAfter);
                }

                if (status == ParseStatus.Invalid)
                {
                    return Fail(ErrorKind.Other);
                }

                if (start == end)
                {
                    start = end = 0;
                }
            }
        }
        catch (SocketException exception)
        {
            return Fail(Classify(exception.SocketErrorCode));
        }
        catch (ObjectDisposedException)
        {
            // Aborted from outside (the timeout watchdog); the worker knows it was a timeout.
            return Fail(ErrorKind.Other);
        }
    }

    /// <summary>Connects now if not connected; a failure is left for the first request to meet and count.</summary>
    public async ValueTask PrepareAsync()
    {
        if (_socket is not null)
        {
            return;
        }

        try
        {
            await ConnectAsync();
        }
        catch (SocketException)
        {
            Close();
        }
    }

    /// <summary>Closes the socket from another thread, so that a request waiting on it ends now.</summary>
    public void Abort() => Volatile.Read(ref _socket)?.Dispose();

    public void Dispose() => Close();

    internal static ErrorKind Classify(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => ErrorKind.Refused,
        SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown or SocketError.NotConnected => ErrorKind.Reset,
        SocketError.TimedOut => ErrorKind.Timeout,
        _ => ErrorKind.Other,
    };

    private async ValueTask<Socket> ConnectAsync()
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        Volatile.Write(ref _socket, socket); // visible to Abort while the connect is pending
        Connects++;
        try
        {
            await socket.ConnectAsync(endpoint);
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            ConnectFailures++;
            throw;
        }

        return socket;
    }

    private RequestOutcome Fail(ErrorKind error)
    {
        Close();
        return RequestOutcome.Failed(error);
    }

    private void Close()
    {
        Interlocked.Exchange(ref _socket, null)?.Dispose();
    }
}
