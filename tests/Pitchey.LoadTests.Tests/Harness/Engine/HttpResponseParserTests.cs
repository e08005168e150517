using System.Text;
using Pitchey.LoadTests.Harness.Engine;

namespace Pitchey.LoadTests.Tests.Harness.Engine;

/// <summary>The response parser fed whole responses, byte by byte, and in odd pieces: where a response ends, its status, and whether the connection stays open.</summary>
public sealed class HttpResponseParserTests
{
    public static TheoryData<string, int, bool> Whole => new()
    {
        { "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", 200, true },
        { "HTTP/1.1 503 Service Unavailable\r\ncontent-length: 0\r\n\r\n", 503, true },
        { "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\n\r\n", 200, true },
        { "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\nTrailer: x\r\n\r\n", 200, true },
        { "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok", 200, false },
        { "HTTP/1.1 204 No Content\r\n\r\n", 204, true },
        { "HTTP/1.1 304 Not Modified\r\nContent-Length: 99\r\n\r\n", 304, true },
        { "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 1\r\n\r\nx", 201, true },
        { "HTTP/1.0 200 OK\r\nContent-Length: 1\r\n\r\nx", 200, false },
        { "HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 1\r\n\r\nx", 200, true },
        { "HTTP/1.1 200 OK\nContent-Length: 1\n\nx", 200, true },
    };

    [Theory]
    [MemberData(nameof(Whole))]
    public void Parse_WholeResponse_CompleteWithStatusAndKeepAlive(string response, int status, bool keepAlive)
    {
        var parser = new HttpResponseParser();
        parser.Reset(head: false);
        var bytes = Encoding.ASCII.GetBytes(response);

        var result = parser.Parse(bytes, out var consumed);

        Assert.Equal(ParseStatus.Complete, result);
        Assert.Equal(bytes.Length, consumed);
        Assert.Equal(status, parser.StatusCode);
        Assert.Equal(keepAlive, parser.KeepAlive);
    }

    [Theory]
    [MemberData(nameof(Whole))]
    public void Parse_ByteByByte_SameResult(string response, int status, bool keepAlive)
    {
        var parser = new HttpResponseParser();
        parser.Reset(head: false);

        var (result, used) = Feed(parser, Encoding.ASCII.GetBytes(response), piece: 1);

        Assert.Equal(ParseStatus.Complete, result);
        Assert.Equal(response.Length, used);
        Assert.Equal(status, parser.StatusCode);
        Assert.Equal(keepAlive, parser.KeepAlive);
    }

    [Fact]
    public void Parse_LargeChunkedBodyInPieces_EndsExactlyAtTheLastChunk()
    {
        var body = new StringBuilder();
        for (var i = 0; i < 50; i++)
        {
            body.Append("3e8\r\n").Append('x', 1000).Append("\r\n");
        }

        var response = "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n" + body + "0\r\n\r\n";
        var parser = new HttpResponseParser();
        parser.Reset(head: false);

        var (result, used) = Feed(parser, Encoding.ASCII.GetBytes(response + "HTTP/1.1 200"), piece: 777);

        Assert.Equal(ParseStatus.Complete, result);
        Assert.Equal(response.Length, used); // the next response's bytes are left alone
    }

    [Fact]
    public void Parse_HeadRequest_NoBodyDespiteContentLength()
    {
        var parser = new HttpResponseParser();
        parser.Reset(head: true);

        var result = parser.Parse("HTTP/1.1 200 OK\r\nContent-Length: 512\r\n\r\n"u8, out _);

        Assert.Equal(ParseStatus.Complete, result);
    }

    [Fact]
    public void Parse_NoLength_RunsUntilClose()
    {
        var parser = new HttpResponseParser();
        parser.Reset(head: false);

        var result = parser.Parse("HTTP/1.1 200 OK\r\n\r\nsome body"u8, out var consumed);

        Assert.Equal(ParseStatus.NeedMore, result);
        Assert.Equal(28, consumed);
        Assert.Equal(ParseStatus.Complete, parser.Closed());
        Assert.False(parser.KeepAlive);
    }

    [Fact]
    public void Closed_BeforeContentLengthIsRead_Invalid()
    {
        var parser = new HttpResponseParser();
        parser.Reset(head: false);
        Assert.Equal(ParseStatus.NeedMore, parser.Parse("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"u8, out _));

        Assert.Equal(ParseStatus.Invalid, parser.Closed());
    }

    [Fact]
    public void Parse_PartialLine_ConsumesNothingOfIt()
    {
        var parser = new HttpResponseParser();
        parser.Reset(head: false);

        var result = parser.Parse("HTTP/1.1 200 OK\r\nContent-Len"u8, out var consumed);

        Assert.Equal(ParseStatus.NeedMore, result);
        Assert.Equal(17, consumed);
    }

    [Theory]
    [InlineData("HTTP/2 200 OK\r\n\r\n")]
    [InlineData("HTTP/1.1 2000 OK\r\n\r\n")]
    [InlineData("HTTP/1.1 abc OK\r\n\r\n")]
    [InlineData("SSH-2.0-OpenSSH\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nab\r\n")]
    public void Parse_Malformed_Invalid(string response)
    {
        var parser = new HttpResponseParser();
        parser.Reset(head: false);

        Assert.Equal(ParseStatus.Invalid, parser.Parse(Encoding.ASCII.GetBytes(response), out _));
    }

    [Fact]
    public void Reset_AfterAResponse_ParsesTheNextOne()
    {
        var parser = new HttpResponseParser();
        parser.Reset(head: false);
        Assert.Equal(ParseStatus.Complete, parser.Parse("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"u8, out _));

        parser.Reset(head: false);

        Assert.Equal(ParseStatus.Complete, parser.Parse("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"u8, out _));
        Assert.Equal(404, parser.StatusCode);
        Assert.True(parser.KeepAlive);
    }

    // As the connection does: unconsumed bytes stay in front of what arrives next.
    private static (ParseStatus Result, int Used) Feed(HttpResponseParser parser, byte[] bytes, int piece)
    {
        int start = 0, end = 0;
        while (end < bytes.Length)
        {
            end = Math.Min(bytes.Length, end + piece);
            var result = parser.Parse(bytes.AsSpan(start, end - start), out var consumed);
            start += consumed;
            if (result != ParseStatus.NeedMore)
            {
                return (result, start);
            }
        }

        return (ParseStatus.NeedMore, start);
    }
}
