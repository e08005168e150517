using Pitchey.Gateway.Cli;

namespace Pitchey.Gateway.Tests.Cli;

public sealed class MigrateArgumentsTests
{
    [Fact]
    public void Parse_ApplyWithOptions_ReadsEveryOne()
    {
        var arguments = MigrateArguments.Parse(["apply", "indexes.sql", "--phase", "2", "--lock-timeout", "500ms", "--lock-budget", "2m", "--connection", "Host=x"]);

        Assert.Null(arguments.Error);
        Assert.Equal(("apply", "indexes.sql", 2), (arguments.Command, arguments.File, arguments.Phase));
        Assert.Equal(TimeSpan.FromMilliseconds(500), arguments.LockTimeout);
        Assert.Equal(TimeSpan.FromMinutes(2), arguments.LockBudget);
        Assert.Equal("Host=x", arguments.Connection);
    }

    [Theory]
    [InlineData("lint a.sql b.sql", "unexpected argument 'b.sql'")]
    [InlineData("status extra.sql", "migrate status takes no file")]
    [InlineData("rollback --phase 1 --to 3", "--phase and --to cannot be combined")]
    [InlineData("rollback --to", "--to needs a value")]
    [InlineData("apply a.sql --lock-timeout soon", "--lock-timeout must be a duration")]
    [InlineData("lint a.sql --frob", "unknown option '--frob'")]
    [InlineData("", "a command is required")]
    public void Parse_BadInput_NamesTheArgument(string line, string message)
    {
        var arguments = MigrateArguments.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.Contains(message, arguments.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2s", 2000)]
    [InlineData("1.5m", 90000)]
    [InlineData("00:00:03", 3000)]
    public void Duration_AcceptsSuffixesAndTimeSpans(string text, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), MigrateArguments.Duration("--x", text));
}
