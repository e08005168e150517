using Pitchey.Gateway.IntegrationTests.RoutingHeaders;
using Pitchey.Testing.Gateway;

namespace Pitchey.Gateway.IntegrationTests.Alerts;

/// <summary>The ReplicaLag rule on a real streaming replica whose replay the test pauses, notices POSTed to a receiver on 127.0.0.1.</summary>
public sealed class ReplicaLagAlertTests(ReplicaEnvironment env) : IClassFixture<ReplicaEnvironment>
{
    [Fact]
    public async Task ReplicaLag_ReplayPaused_FiresOnce_AndResolvesAfterResume()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var settings = env.GatewaySettings();
        AlertPlane.Watch(settings, receiver, "lag", "ReplicaLag", ("Host", "replica1"), ("Threshold", "1"));

        // Caught up first, before the gateway watches: a replayed commit is what the replica's lag is measured from.
        await env.Primary.ExecuteAsync("INSERT INTO ryw_probe VALUES (1)");
        await env.Replica.WaitForReplayAsync(await env.Primary.CurrentLsnAsync());
        await using var gateway = await env.StartGatewayAsync(settings);
        await AlertPlane.WaitForEvaluationsAsync(gateway, 5);
        Assert.Empty(AlertPlane.Active(await AlertPlane.AlertsAsync(gateway)));

        await env.Replica.PauseReplayAsync();
        try
        {
            // Received, not applied: the replica falls behind until it is more than the budget late.
            await env.Primary.ExecuteAsync("INSERT INTO ryw_probe VALUES (2)");
            var firing = await AlertPlane.NextNoticeAsync(receiver, "firing", "lag|replica1");
            Assert.True(firing.GetProperty("value").GetDouble() > 1, "the lag sent is over the threshold");
            Assert.Equal(["lag|replica1"], AlertPlane.Active(await AlertPlane.AlertsAsync(gateway)));
        }
        finally
        {
            await env.Replica.ResumeReplayAsync();
        }

        await AlertPlane.NextNoticeAsync(receiver, "resolved", "lag|replica1");
        await AlertPlane.AssertFiredOnceAndResolvedAsync(gateway, receiver, "lag|replica1");
    }
}
