using Pitchey.Gateway.Management;

namespace Pitchey.Gateway.Tests.Management;

public sealed class ManagementGuardTests
{
    [Fact]
    public void AllowedHosts_Default_AreTheLoopbackNames_PlusTheListenersOwnHost()
    {
        var hosts = ManagementGuard.AllowedHosts(new ManagementOptions { Urls = "http://10.1.2.3:8081;http://*:9091" }).ToArray();

        Assert.Equal(["127.0.0.1", "localhost", "::1", "10.1.2.3"], hosts);
    }

    [Fact]
    public void AllowedHosts_Configured_ReplaceTheDefaults_AndKeepTheListenersHost()
    {
        var options = new ManagementOptions { Urls = "http://[::1]:8081" };
        options.AllowedHosts.Add("gateway.internal");
        options.AllowedHosts.Add("[fd00::1]");

        Assert.Equal(["gateway.internal", "fd00::1", "::1"], ManagementGuard.AllowedHosts(options).ToArray());
    }
}
