namespace Pitchey.LoadTests.Harness.Engine;

/// <summary>What <see cref="HttpResponseParser.Parse"/> made of the bytes so far.</summary>
internal enum ParseStatus
{
    /// <summary>The response is not complete yet: read more and call again with what was not consumed.</summary>
    NeedMore,

    /// <summary>One whole response has been read.</summary>
    Complete,

    /// <summary>The bytes are not an HTTP/1.1 response this parser understands.</summary>
    Invalid,
}
