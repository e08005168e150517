using System.Text.RegularExpressions;
using Pitchey.Testing.Postgres;

namespace Pitchey.Gateway.IntegrationTests.Errors;

/// <summary>
/// Secrets travel in settings or the environment, never on a command line (every local user reads
/// those in <c>ps</c>): no script, and no command shown in the docs, passes a password, a
/// connection string with one, or a key as an argument.
/// </summary>
public sealed partial class CommandLineSecretsTests
{
    public static TheoryData<string> Files()
    {
        var files = new TheoryData<string>();
        foreach (var file in new[] { "run.sh", "test.sh", ".ci/run", "README.md" }
                     .Concat(Directory.GetFiles(Path.Combine(RepoPaths.Root, "loadtests"), "*.sh").Select(f => Path.GetRelativePath(RepoPaths.Root, f)))
                     .Concat(Directory.GetFiles(Path.Combine(RepoPaths.Root, "docs"), "*.md").Select(f => Path.GetRelativePath(RepoPaths.Root, f))))
        {
            files.Add(file);
        }

        return files;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void NoSecretOnACommandLine(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, file));
        for (var i = 0; i < lines.Length; i++)
        {
            Assert.False(SecretArgument().IsMatch(lines[i]), $"{file}:{i + 1} passes a secret as a command-line argument");
        }
    }

    [Theory]
    [InlineData("as_pg env PGPASSWORD=pitchey pg_basebackup -h x")]
    [InlineData("migrate apply --connection \"Host=x;Password=pw\"")]
    [InlineData("dotnet Pitchey.Gateway.dll --Database:Primary=Host=x")]
    [InlineData("psql postgresql://pitchey:pw@127.0.0.1/pitchey")]
    [InlineData("serve --Database:Routing:Http:LsnSigningKey=abc")]
    public void TheCheck_CatchesSecretArguments(string line) => Assert.Matches(SecretArgument(), line);

    [Theory]
    [InlineData("export PGPASSWORD=pitchey")]
    [InlineData("Database__Primary=$demo_connection dotnet \"$gateway_dll\" migrate apply config/sql/indexes.sql")]
    [InlineData("demo_connection=\"Host=127.0.0.1;Port=5433;Password=pitchey\"")]
    public void TheCheck_LetsTheEnvironmentThrough(string line) => Assert.DoesNotMatch(SecretArgument(), line);

    [GeneratedRegex(
        @"\benv\s+(\S+=\S*\s+)*\S*(PGPASSWORD|Password)=|--connection[\s=]+[""']?[^""'\s]*Password=|--[A-Za-z:_]*(Database:Primary|Database__Primary|Database:Replicas|LsnSigningKey|CursorSecret|ApiKey|RateLimiting:Redis|Cache:Redis)|://[^/\s:@]+:[^/\s@]+@",
        RegexOptions.IgnoreCase)]
    private static partial Regex SecretArgument();
}
