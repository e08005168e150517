using NpgsqlTypes;
using Pitchey.Database.DataSources;
using Pitchey.Database.Routing;

namespace Pitchey.Database.Tests.Routing;

public sealed class HostStatusTests
{
    [Theory]
    [InlineData(true, true, 2.0, null, true)]
    [InlineData(false, true, 0.0, null, false)] // unreachable
    [InlineData(true, false, 0.0, null, false)] // promoted: not a replica any more
    [InlineData(true, true, 6.0, null, false)] // over the 5 s budget
    [InlineData(true, true, null, null, false)] // behind by an unknown time
    [InlineData(true, true, 0.0, "0/2000000", false)] // has not replayed the caller's write
    [InlineData(true, true, 0.0, "0/1000000", true)] // has
    public void CanServe_ChecksReachabilityRoleLagAndLsn(bool reachable, bool inRecovery, double? lag, string? minimumLsn, bool expected)
    {
        var host = new DatabaseHost("replica1", "127.0.0.1:1", null!);
        var status = new HostStatus(host, true, reachable, inRecovery, NpgsqlLogSequenceNumber.Parse("0/1800000"), 0, lag, 1, DateTimeOffset.UnixEpoch, null);

        Assert.Equal(expected, status.CanServe(5, minimumLsn is null ? null : NpgsqlLogSequenceNumber.Parse(minimumLsn)));
    }
}
