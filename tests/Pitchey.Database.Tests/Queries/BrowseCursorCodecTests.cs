using Pitchey.Database.Queries;

namespace Pitchey.Database.Tests.Queries;

public sealed class BrowseCursorCodecTests
{
    private static readonly BrowseFilter Drama = new("Drama", null, null, 1000m, null);
    private readonly BrowseCursorCodec _codec = new("a-test-secret-that-is-long-enough-0123456789");

    [Theory]
    [InlineData(BrowseSort.Date, true, 638_000_000_000_000_000L)]
    [InlineData(BrowseSort.Views, false, 12_345L)]
    [InlineData(BrowseSort.Budget, true, 99_999_999_999_999L)]
    public void Encode_ThenDecode_RoundTrips(BrowseSort sort, bool descending, long value)
    {
        var cursor = new BrowseCursor(sort, descending, value, 42, 96);

        var text = _codec.Encode(cursor, Drama);

        Assert.True(_codec.TryDecode(text, Drama, out var decoded));
        Assert.Equal(cursor, decoded);
        Assert.True(text.Length <= BrowseCursorCodec.MaxEncodedLength);
        Assert.DoesNotContain("42", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecode_EveryFlippedCharacter_IsRejected()
    {
        var text = _codec.Encode(new BrowseCursor(BrowseSort.Views, true, 500, 7, 24), Drama);

        for (var i = 0; i < text.Length; i++)
        {
            var forged = text[..i] + (text[i] == 'A' ? 'B' : 'A') + text[(i + 1)..];
            Assert.False(_codec.TryDecode(forged, Drama, out _), $"flipping character {i} went unnoticed");
        }
    }

    [Fact]
    public void TryDecode_OtherFilters_IsRejected()
    {
        var text = _codec.Encode(new BrowseCursor(BrowseSort.Date, true, 1, 1, 24), Drama);

        Assert.False(_codec.TryDecode(text, Drama with { Genre = "Comedy" }, out _));
        Assert.False(_codec.TryDecode(text, Drama with { BudgetMin = null }, out _));
    }

    [Fact]
    public void TryDecode_AnotherSecret_IsRejected()
    {
        var text = _codec.Encode(new BrowseCursor(BrowseSort.Date, true, 1, 1, 24), Drama);

        Assert.False(new BrowseCursorCodec("another-secret-that-is-long-enough-0123456789").TryDecode(text, Drama, out _));
        Assert.False(new BrowseCursorCodec(null).TryDecode(text, Drama, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("!!!not base64!!!")]
    [InlineData("AQABmPkcjg5K3wi5QgAAAAAAADIAAAAAAAAANLWrfZGvFHiJwd_xznAeAwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void TryDecode_Garbage_IsRejectedWithoutThrowing(string text)
    {
        Assert.False(_codec.TryDecode(text, Drama, out var cursor));
        Assert.Null(cursor);
    }
}
