using System.Text;
using Pitchey.LoadTests.Harness.Engine;
using Pitchey.LoadTests.Harness.Scenarios;

namespace Pitchey.LoadTests.Tests.Harness.Engine;

/// <summary>Weighted picking and the bytes a request goes out as.</summary>
public sealed class RequestMixTests
{
    [Fact]
    public void Pick_ByWeight_EachShareItsRange()
    {
        var a = Request(0);
        var b = Request(1);
        var mix = new RequestMix([(a, 1), (b, 3)]);

        Assert.Same(a, mix.Pick(0));
        Assert.Same(a, mix.Pick(0.2499));
        Assert.Same(b, mix.Pick(0.25));
        Assert.Same(b, mix.Pick(0.9999));
        var random = new Random(7);
        var picks = Enumerable.Range(0, 40_000).Count(_ => mix.Pick(random.NextDouble()) == b);
        Assert.InRange(picks, 29_000, 31_000);
    }

    [Fact]
    public void Encode_GetWithHeaders_HostFromTheTargetAndItsPathPrefixed()
    {
        var request = new HttpRequestTemplate("GET", "/api/x?q=1", [new("Cookie", "pitchey-session=abc")]);

        var encoded = RequestEncoder.Encode(request, new Uri("http://localhost:8080/base/"), series: 3);

        Assert.Equal("GET /base/api/x?q=1 HTTP/1.1\r\nHost: localhost:8080\r\nCookie: pitchey-session=abc\r\n\r\n", Encoding.ASCII.GetString(encoded.Bytes));
        Assert.Equal(3, encoded.Series);
        Assert.False(encoded.Head);
    }

    [Fact]
    public void Encode_PostWithBody_ContentLengthAndBody()
    {
        var encoded = RequestEncoder.Encode(new HttpRequestTemplate("POST", "/p", Body: "{}"u8.ToArray()), new Uri("http://127.0.0.1:1"), 0);

        Assert.Equal("POST /p HTTP/1.1\r\nHost: 127.0.0.1:1\r\nContent-Length: 2\r\n\r\n{}", Encoding.ASCII.GetString(encoded.Bytes));
    }

    [Fact]
    public void Encode_HeaderWithLineBreak_Refused() =>
        Assert.Throws<ArgumentException>(() => RequestEncoder.Encode(
            new HttpRequestTemplate("GET", "/", [new("X", "a\r\nInjected: 1")]), new Uri("http://127.0.0.1:1"), 0));

    private static EncodedRequest Request(int series) => new([], series, Head: false);
}
