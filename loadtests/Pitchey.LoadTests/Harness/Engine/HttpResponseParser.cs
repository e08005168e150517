using System.Buffers.Text;
using System.Text;

namespace Pitchey.LoadTests.Harness.Engine;

/// <summary>
/// Reads one HTTP/1.x response at a time from a keep-alive connection, in pieces as they arrive:
/// the status code, whether the connection stays open, and where the response ends (Content-Length,
/// chunked, or the server closing). The body is skipped, never copied: a load generator only needs
/// to know that it arrived. Informational 1xx responses are skipped; HEAD, 204 and 304 have no body.
/// One instance per connection, reset for each request; it never allocates.
/// </summary>
internal sealed class HttpResponseParser
{
    private State _state;
    private long _remaining;
    private bool _head;
    private bool _http10;
    private bool _chunked;
    private long _contentLength;
    private bool _closeHeader;
    private bool _keepAliveHeader;
    private bool _untilClose;

    private enum State
    {
        StatusLine,
        Headers,
        Body,
        ChunkSize,
        ChunkData,
        ChunkDataEnd,
        Trailers,
        UntilClose,
        Done,
    }

    /// <summary>The final status code, once the status line has been read.</summary>
    public int StatusCode { get; private set; }

    /// <summary>The response has a <c>Retry-After</c> header: how an open breaker's 503 tells itself apart from the upstream's.</summary>
    public bool RetryAfter { get; private set; }

    /// <summary>The connection may carry another request after this response.</summary>
    public bool KeepAlive => !_closeHeader && (!_http10 || _keepAliveHeader) && !_untilClose;

    /// <summary>Starts on a new response; <paramref name="head"/>: the request was HEAD, so no body follows the headers.</summary>
    public void Reset(bool head)
    {
        _head = head;
        StartResponse();
    }

    /// <summary>
    /// Consumes as much of <paramref name="data"/> as it can. On <see cref="ParseStatus.NeedMore"/>
    /// the bytes after <paramref name="consumed"/> (part of a line) must be offered again with more.
    /// </summary>
    public ParseStatus Parse(ReadOnlySpan<byte> data, out int consumed)
    {
        consumed = 0;
        while (true)
        {
            switch (_state)
            {
                case State.Body:
                case State.ChunkData:
                    var take = (int)Math.Min(_remaining, data.Length - consumed);
                    _remaining -= take;
                    consumed += take;
                    if (_remaining > 0)
                    {
                        return ParseStatus.NeedMore;
                    }

                    if (_state == State.Body)
                    {
                        _state = State.Done;
                        return ParseStatus.Complete;
                    }

                    _state = State.ChunkDataEnd;
                    break;
                case State.UntilClose:
                    consumed = data.Length;
                    return ParseStatus.NeedMore;
                case State.Done:
                    return ParseStatus.Complete;
                default:
                    var end = data[consumed..].IndexOf((byte)'\n');
                    if (end < 0)
                    {
                        return ParseStatus.NeedMore;
                    }

                    var line = data.Slice(consumed, end);
                    consumed += end + 1;
                    if (line.Length > 0 && line[^1] == (byte)'\r')
                    {
                        line = line[..^1];
                    }

                    var status = Line(line);
                    if (status != ParseStatus.NeedMore)
                    {
                        return status;
                    }

                    break;
            }
        }
    }

    /// <summary>The server closed the connection: a response that runs until close is complete, anything else was cut short.</summary>
    public ParseStatus Closed()
    {
        if (_state == State.UntilClose)
        {
            _state = State.Done;
            return ParseStatus.Complete;
        }

        return _state == State.Done ? ParseStatus.Complete : ParseStatus.Invalid;
    }

    private void StartResponse()
    {
        _state = State.StatusLine;
        _remaining = 0;
        _http10 = false;
        _chunked = false;
        _contentLength = -1;
        _closeHeader = false;
        _keepAliveHeader = false;
        _untilClose = false;
        RetryAfter = false;
        StatusCode = 0;
    }

    private ParseStatus Line(ReadOnlySpan<byte> line) => _state switch
    {
        State.StatusLine => StatusLine(line),
        State.Headers => line.IsEmpty ? EndOfHeaders() : Header(line),
        State.ChunkSize => ChunkSize(line),
        State.ChunkDataEnd => line.IsEmpty ? Next(State.ChunkSize) : ParseStatus.Invalid,
        State.Trailers => line.IsEmpty ? Finish() : ParseStatus.NeedMore,
        _ => ParseStatus.Invalid,
    };

    // "HTTP/1.1 200 OK": the version, a space, three digits, then a space or the end.
    private ParseStatus StatusLine(ReadOnlySpan<byte> line)
    {
        if (line.Length < 12 || !line.StartsWith("HTTP/1."u8) || line[8] != (byte)' ' || (line.Length > 12 && line[12] != (byte)' '))
        {
            return ParseStatus.Invalid;
        }

        if (line[7] is not ((byte)'0' or (byte)'1') || !Utf8Parser.TryParse(line.Slice(9, 3), out int code, out var digits) || digits != 3 || code < 100)
        {
            return ParseStatus.Invalid;
        }

        _http10 = line[7] == (byte)'0';
        StatusCode = code;
        return Next(State.Headers);
    }

    private ParseStatus Header(ReadOnlySpan<byte> line)
    {
        var colon = line.IndexOf((byte)':');
        if (colon <= 0)
        {
            return ParseStatus.Invalid;
        }

        var name = line[..colon];
        var value = line[(colon + 1)..].Trim(" \t"u8);
        if (Ascii.EqualsIgnoreCase(name, "content-length"u8))
        {
            if (!Utf8Parser.TryParse(value, out long length, out var used) || used != value.Length || length < 0
                || (_contentLength >= 0 && _contentLength != length))
            {
                return ParseStatus.Invalid;
            }

            _contentLength = length;
        }
        else if (Ascii.EqualsIgnoreCase(name, "transfer-encoding"u8))
        {
            // The last coding decides; chunked is the only one that frames a response body.
            var last = value[(value.LastIndexOf((byte)',') + 1)..].Trim(" \t"u8);
            _chunked = Ascii.EqualsIgnoreCase(last, "chunked"u8);
        }
        else if (Ascii.EqualsIgnoreCase(name, "connection"u8))
        {
            foreach (var range in value.Split((byte)','))
            {
                var token = value[range].Trim(" \t"u8);
                _closeHeader |= Ascii.EqualsIgnoreCase(token, "close"u8);
                _keepAliveHeader |= Ascii.EqualsIgnoreCase(token, "keep-alive"u8);
            }
        }
        else if (Ascii.EqualsIgnoreCase(name, "retry-after"u8))
        {
            RetryAfter = true;
        }

        return ParseStatus.NeedMore;
    }

    private ParseStatus EndOfHeaders()
    {
        if (StatusCode is >= 100 and < 200 and not 101)
        {
            // 100 Continue and friends: the real response follows.
            StartResponse();
            return ParseStatus.NeedMore;
        }

        if (_head || StatusCode is 204 or 304)
        {
            return Finish();
        }

        if (_chunked)
        {
            return Next(State.ChunkSize);
        }

        if (_contentLength >= 0)
        {
            _remaining = _contentLength;
            return _remaining == 0 ? Finish() : Next(State.Body);
        }

        _untilClose = true;
        return Next(State.UntilClose);
    }

    // "1a3f" or "1a3f;name=value": the size in hex, extensions ignored.
    private ParseStatus ChunkSize(ReadOnlySpan<byte> line)
    {
        var semicolon = line.IndexOf((byte)';');
        var hex = (semicolon >= 0 ? line[..semicolon] : line).Trim(" \t"u8);
        if (hex.IsEmpty || hex.Length > 15 || !Utf8Parser.TryParse(hex, out long size, out var used, 'x') || used != hex.Length)
        {
            return ParseStatus.Invalid;
        }

        _remaining = size;
        return Next(size == 0 ? State.Trailers : State.ChunkData);
    }

    private ParseStatus Next(State state)
    {
        _state = state;
        return ParseStatus.NeedMore;
    }

    private ParseStatus Finish()
    {
        _state = State.Done;
        return ParseStatus.Complete;
    }
}
