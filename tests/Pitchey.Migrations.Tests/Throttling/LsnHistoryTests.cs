using Microsoft.Extensions.Time.Testing;
using Pitchey.Migrations.Throttling;

namespace Pitchey.Migrations.Tests.Throttling;

public sealed class LsnHistoryTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Lag_BeforeAnySample_IsUnknown() => Assert.Null(new LsnHistory(_time).Lag(100, _time.GetTimestamp()));

    [Fact]
    public void Lag_ReplicaAtOrPastTheNewestPosition_IsZero()
    {
        var history = new LsnHistory(_time);
        history.Add(_time.GetTimestamp(), 100);
        _time.Advance(TimeSpan.FromSeconds(5));
        history.Add(_time.GetTimestamp(), 200);

        Assert.Equal(TimeSpan.Zero, history.Lag(200, _time.GetTimestamp()));
        Assert.Equal(TimeSpan.Zero, history.Lag(250, _time.GetTimestamp()));
    }

    [Fact]
    public void Lag_StuckReplica_GrowsFromWhenThePrimaryFirstWentPastIt()
    {
        var history = new LsnHistory(_time);
        history.Add(_time.GetTimestamp(), 100); // t = 0
        _time.Advance(TimeSpan.FromSeconds(1));
        history.Add(_time.GetTimestamp(), 150); // t = 1: first position past 120
        _time.Advance(TimeSpan.FromSeconds(1));
        history.Add(_time.GetTimestamp(), 150); // no advance: not a new point
        _time.Advance(TimeSpan.FromSeconds(1));
        history.Add(_time.GetTimestamp(), 300); // t = 3

        Assert.Equal(3, history.Count);
        Assert.Equal(TimeSpan.FromSeconds(2), history.Lag(120, _time.GetTimestamp()));
        _time.Advance(TimeSpan.FromSeconds(7));
        Assert.Equal(TimeSpan.FromSeconds(9), history.Lag(120, _time.GetTimestamp()));
        Assert.Equal(TimeSpan.FromSeconds(10), history.Lag(99, _time.GetTimestamp()));
    }

    [Fact]
    public void Forget_DropsPointsEveryReplicaPassed_KeepsTheNewest()
    {
        var history = new LsnHistory(_time);
        foreach (var lsn in new ulong[] { 100, 200, 300 })
        {
            history.Add(_time.GetTimestamp(), lsn);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        history.Forget(200);
        Assert.Equal(1, history.Count);
        Assert.Equal(TimeSpan.FromSeconds(1), history.Lag(250, _time.GetTimestamp()));

        history.Forget(1000);
        Assert.Equal(1, history.Count);
    }

    [Fact]
    public void Add_PastCapacity_DropsTheOldest()
    {
        var history = new LsnHistory(_time, capacity: 2);
        history.Add(_time.GetTimestamp(), 1);
        history.Add(_time.GetTimestamp(), 2);
        history.Add(_time.GetTimestamp(), 3);

        Assert.Equal(2, history.Count);
    }
}
