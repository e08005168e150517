using Pitchey.Database.Queries;

namespace Pitchey.Database.Tests.Queries;

public sealed class LikePatternTests
{
    [Theory]
    [InlineData("story", "%story%")]
    [InlineData("100% pure", @"%100\% pure%")]
    [InlineData("snake_case", @"%snake\_case%")]
    [InlineData(@"C:\Films", @"%C:\\Films%")]
    [InlineData(@"\%_", @"%\\\%\_%")]
    [InlineData("", "%%")]
    [InlineData(" a ", "% a %")]
    public void Containing_EscapesTheWildcardsAndTheEscapeCharacter(string text, string pattern) =>
        Assert.Equal(pattern, LikePattern.Containing(text));

    [Theory]
    [InlineData("story", true)]
    [InlineData("a b c", false)]
    [InlineData("ab", false)]
    [InlineData("42", false)]
    [InlineData("420", true)]
    [InlineData("%_\\", false)]
    [InlineData("x_ab_cd", false)]
    [InlineData("100% pure", true)]
    [InlineData("\u00e9t\u00e9", false)]
    [InlineData("caf\u00e9", true)]
    public void HasTrigram_ThreeAsciiLettersOrDigitsInARow(string text, bool expected) =>
        Assert.Equal(expected, LikePattern.HasTrigram(text));
}
