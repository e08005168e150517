using System.CommandLine;
using Pitchey.Gateway.Cli;
using Pitchey.Gateway.Cli.Migrate;

namespace Pitchey.Gateway.Tests.Cli.Migrate;

/// <summary>The <c>migrate</c> command definition: what it accepts, what it refuses, and how the refusal reads. No I/O.</summary>
public sealed class MigrateCommandTests
{
    private static readonly CliConsole Console = new(TextWriter.Null, TextWriter.Null, Interactive: false);

    [Fact]
    public void Parse_ApplyWithOptions_ReadsEveryOne()
    {
        var parse = Parse("migrate apply indexes.sql --phase 2 --lock-timeout 500ms --lock-budget 2m --connection Host=x --config-dir conf");

        Assert.Empty(parse.Errors);
        Assert.Equal("apply", parse.CommandResult.Command.Name);
        Assert.Equal(("indexes.sql", 2), (parse.GetValue(MigrateOptions.File), parse.GetValue(MigrateOptions.Phase)));
        Assert.Equal(TimeSpan.FromMilliseconds(500), parse.GetValue(MigrateOptions.LockTimeout));
        Assert.Equal(TimeSpan.FromMinutes(2), parse.GetValue(MigrateOptions.LockBudget));
        Assert.Equal("Host=x", parse.GetValue(CommonOptions.Connection));
        Assert.Equal("conf", parse.GetValue(CommonOptions.ConfigDir));
    }

    [Fact]
    public void Parse_RollbackToStep_ReadsALongStep()
    {
        var parse = Parse("migrate rollback --to 5000000000");

        Assert.Empty(parse.Errors);
        Assert.Equal(5_000_000_000L, parse.GetValue(MigrateOptions.ToStep));
        Assert.Null(parse.GetValue(MigrateOptions.Phase));
    }

    [Fact]
    public void Parse_LintStrictWithSchema_ReadsBoth()
    {
        var parse = Parse("migrate lint a.sql --strict --schema schema.sql");

        Assert.Empty(parse.Errors);
        Assert.True(parse.GetValue(MigrateOptions.Strict));
        Assert.Equal("schema.sql", parse.GetValue(MigrateOptions.Schema));
    }

    [Theory]
    [InlineData("migrate lint a.sql b.sql", "'b.sql'")]
    [InlineData("migrate status extra.sql", "'extra.sql'")]
    [InlineData("migrate rollback --phase 1 --to 3", "--phase and --to cannot be combined")]
    [InlineData("migrate rollback --to", "'--to'")]
    [InlineData("migrate rollback --phase 0", "--phase must be a positive whole number (got '0')")]
    [InlineData("migrate rollback --to -4", "--to must be a positive whole number (got '-4')")]
    [InlineData("migrate apply a.sql --lock-timeout soon", "--lock-timeout must be a duration such as 500ms, 2s, 5m (got 'soon')")]
    [InlineData("migrate apply a.sql --lock-budget 5x", "--lock-budget must be a duration")]
    [InlineData("migrate lint a.sql --frob", "'--frob'")]
    [InlineData("migrate lint a.sql --phase 1", "'--phase'")]
    [InlineData("migrate apply", "'file'")]
    [InlineData("migrate verify", "'file'")]
    [InlineData("migrate frobnicate", "'frobnicate'")]
    [InlineData("migrate", "Required command was not provided")]
    public void Parse_BadInput_NamesTheArgument(string line, string message)
    {
        var parse = Parse(line);

        Assert.Contains(parse.Errors, e => e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("lint")]
    [InlineData("plan")]
    [InlineData("apply")]
    [InlineData("status")]
    [InlineData("rollback")]
    [InlineData("verify")]
    public void Subcommands_EachTakeTheSharedConnectionAndConfigDir(string name)
    {
        var command = MigrateCommand.Create(Console).Subcommands.Single(c => c.Name == name);

        Assert.Contains(CommonOptions.Connection, command.Options);
        Assert.Contains(CommonOptions.ConfigDir, command.Options);
        Assert.NotNull(command.Action);
    }

    [Fact]
    public async Task Help_Apply_IsGeneratedFromTheDefinition()
    {
        using var output = new StringWriter();
        var console = new CliConsole(output, TextWriter.Null, Interactive: false);

        var exit = await Verbs.RunAsync(["migrate", "apply", "--help"], console, CancellationToken.None);

        Assert.Equal(ExitCodes.Ok, exit);
        foreach (var expected in new[] { "<file>", "--phase <N>", "--lock-timeout <duration>", "--lock-budget <duration>", "--connection <npgsql>", "--config-dir <dir>" })
        {
            Assert.Contains(expected, output.ToString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("2s", 2000)]
    [InlineData("1.5m", 90000)]
    [InlineData("500ms", 500)]
    [InlineData("1h", 3_600_000)]
    [InlineData("00:00:03", 3000)]
    public void ParseDuration_AcceptsSuffixesAndTimeSpans(string text, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), MigrateOptions.ParseDuration(text));

    [Theory]
    [InlineData("soon")]
    [InlineData("-1s")]
    [InlineData("-00:00:01")]
    public void ParseDuration_RejectsTheRest(string text) => Assert.Null(MigrateOptions.ParseDuration(text));

    private static ParseResult Parse(string line) => Verbs.Create(Console).Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
