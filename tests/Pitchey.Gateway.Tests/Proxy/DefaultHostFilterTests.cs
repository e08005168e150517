using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pitchey.Gateway.Proxy;

namespace Pitchey.Gateway.Tests.Proxy;

public sealed class DefaultHostFilterTests
{
    private static int HostFilters(IServiceCollection services) =>
        services.Count(d => d.ServiceType == typeof(IStartupFilter) && d.ImplementationType?.Name == DefaultHostFilter.TypeName);

    [Fact]
    public void Remove_OnThisAspNetCoreVersion_FindsAndRemovesTheWebHostsFilter()
    {
        var builder = WebApplication.CreateBuilder();
        Assert.True(HostFilters(builder.Services) >= 1, $"ASP.NET Core no longer registers {DefaultHostFilter.TypeName}");

        DefaultHostFilter.Remove(builder.Services);

        Assert.Equal(0, HostFilters(builder.Services));
    }

    [Fact]
    public void Remove_NothingMatches_StopsStartUpWithAClearMessage()
    {
        var error = Assert.Throws<OptionsValidationException>(() => DefaultHostFilter.Remove(new ServiceCollection()));

        Assert.Equal(
            "AllowedHosts: ASP.NET Core's own host filter (HostFilteringStartupFilter) was not found to replace with the gateway's Host check; "
            + "this ASP.NET Core version registers it differently, and the gateway must be updated for it.",
            error.Message);
    }
}
