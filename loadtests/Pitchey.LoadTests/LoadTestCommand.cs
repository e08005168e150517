using System.CommandLine;
using Pitchey.LoadTests.Benchmarks;
using Pitchey.LoadTests.Harness.Run;
using Pitchey.LoadTests.Seeding;

namespace Pitchey.LoadTests;

/// <summary>
/// The load-test tool's verbs, one line each: the table of contents of the tool. Each verb lives in
/// its feature folder with its own command definition.
/// </summary>
internal static class LoadTestCommand
{
    public static RootCommand Create() => new("Pitchey load-test tool: demo and benchmark data, query benchmarks, load runs")
    {
        new SeedCommand(),
        new BenchCommand(),
        new RunCommand(),
    };
}
