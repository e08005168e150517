using Pitchey.Gateway.Resilience;

namespace Pitchey.Gateway.Tests.Resilience;

public sealed class FailureStatusCodesTests
{
    [Fact]
    public void TryParse_CodesAndClasses_MarkExactlyThose()
    {
        Assert.True(FailureStatusCodes.TryParse(" 5xx, 408 ,,429", out var table, out var problem));

        Assert.Null(problem);
        Assert.Equal([408, 429, .. Enumerable.Range(500, 100)], Enumerable.Range(0, 600).Where(code => table[code]));
    }

    [Theory]
    [InlineData("teapot", 1)]
    [InlineData("5xx,,600", 3)]
    [InlineData("408,6xx", 2)]
    public void TryParse_BadEntry_NamesItsPositionNotItsText(string text, int position)
    {
        Assert.False(FailureStatusCodes.TryParse(text, out _, out var problem));

        Assert.Equal($"has entry {position}, which is neither a status code (100..599) nor a class such as 5xx.", problem);
    }

    [Fact]
    public void TryParse_CustomList_MarksExactlyThoseCodes()
    {
        Assert.True(FailureStatusCodes.TryParse(" 429 , 502,503 ", out var table, out _));

        Assert.True(table[429]);
        Assert.True(table[503]);
        Assert.False(table[500]);
        Assert.False(table[408]);
    }

    [Theory]
    [InlineData("6xx")]
    [InlineData("99")]
    [InlineData("five hundred")]
    [InlineData("5x")]
    public void TryParse_InvalidSecondEntry_SaysWhichEntry(string text)
    {
        Assert.False(FailureStatusCodes.TryParse("500," + text, out _, out var error));
        Assert.Equal("has entry 2, which is neither a status code (100..599) nor a class such as 5xx.", error);
    }
}
