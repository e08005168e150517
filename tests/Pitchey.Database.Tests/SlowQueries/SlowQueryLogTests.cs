using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using NpgsqlTypes;
using Pitchey.Database.SlowQueries;

namespace Pitchey.Database.Tests.SlowQueries;

public sealed class SlowQueryLogTests
{
    [Fact]
    public void Observe_BelowItsThreshold_KeepsNothing_AtOrAbove_KeepsItNewestFirst()
    {
        var options = new SlowQueryOptions { ThresholdMs = 100 };
        options.Queries["session"] = new SlowQueryRule { ThresholdMs = 10 };
        var log = Log(options);

        log.Observe("browse", "primary", TimeSpan.FromMilliseconds(99), null);
        log.Observe("session", "replica1", TimeSpan.FromMilliseconds(10), null);
        log.Observe("browse", "primary", TimeSpan.FromMilliseconds(100), null);

        Assert.Equal(2, log.Recorded);
        Assert.Equal(["browse", "session"], log.Recent().Select(q => q.Query));
        Assert.Equal(10, log.Recent()[1].ThresholdMs);
        Assert.Equal("replica1", log.Recent()[1].Host);
        Assert.Equal(1, log.CountsByQuery["session"]);
    }

    [Fact]
    public void Observe_PastCapacity_DropsTheOldest()
    {
        var log = Log(new SlowQueryOptions { ThresholdMs = 0, Capacity = 3 });
        for (var i = 0; i < 5; i++)
        {
            log.Observe($"q{i}", "primary", TimeSpan.FromMilliseconds(1), null);
        }

        Assert.Equal(["q4", "q3", "q2"], log.Recent().Select(q => q.Query));
        Assert.Equal(5, log.Recorded);

        Assert.Equal(3, log.Clear()); // the kept ones, not the five seen
        Assert.Empty(log.Recent());
        Assert.Equal(5, log.CountsByQuery.Values.Sum());
    }

    [Fact]
    public async Task AReadsTrace_KeepsNormalisedSqlAndParameterShapes_NeverAValue()
    {
        var log = Log(new SlowQueryOptions { ThresholdMs = 0 });
        var trace = await TraceAsync(() =>
        {
            using var command = new NpgsqlCommand(SqlTags.Session + "SELECT 1 FROM sessions WHERE id = $1 AND expires_at > $2 AND kind = 'web'");
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "token-abcdef", NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = DateTime.UtcNow, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            StatementTrace.Record(command);
        }, "GET /api/auth/session");

        log.Observe("session", "primary", TimeSpan.FromMilliseconds(5), trace);

        var slow = Assert.Single(log.Recent());
        Assert.Equal("GET /api/auth/session", slow.Origin);
        var statement = Assert.Single(slow.Statements);
        Assert.Equal("/* pitchey:route=session */ SELECT $3 FROM sessions WHERE id = $1 AND expires_at > $2 AND kind = $4", statement.Sql);
        Assert.Equal(new ParameterShape(1, "text", 12, false), statement.Parameters[0]);
        Assert.Null(statement.Parameters[1].Length);
        Assert.DoesNotContain("token-abcdef", string.Join(" ", slow.Statements.Select(s => s.Sql + string.Join(",", s.Parameters))), StringComparison.Ordinal);
    }

    [Fact]
    public void Record_OutsideARead_DoesNothing()
    {
        using var command = new NpgsqlCommand("SELECT 1");
        StatementTrace.Record(command);
    }

    /// <summary>A trace as the router starts one, in an async flow of its own (the async-local stays there).</summary>
    private static async Task<StatementTrace> TraceAsync(Action work, string origin)
    {
        await Task.Yield();
        QueryOrigin.Current = origin;
        var trace = StatementTrace.Begin();
        work();
        return trace;
    }

    private static SlowQueryLog Log(SlowQueryOptions options) =>
        new(Options.Create(options), new FakeTimeProvider(), new PlainMeterFactory());
}
