using Microsoft.Extensions.Primitives;
using Pitchey.Gateway.Caching;

namespace Pitchey.Gateway.Tests.Caching;

public sealed class UpstreamCacheControlTests
{
    [Theory]
    [InlineData("no-store")]
    [InlineData("private")]
    [InlineData("private, max-age=60")]
    [InlineData("no-cache")]
    [InlineData("public, no-store, max-age=60")]
    [InlineData("max-age=\"")]
    public void Read_WhatForbidsASharedCache_IsNotStorable(string header)
    {
        Assert.False(UpstreamCacheControl.Read(new StringValues(header)).Storable);
    }

    [Fact]
    public void Read_Nothing_LeavesThePolicyInCharge()
    {
        Assert.Equal(UpstreamCacheControl.None, UpstreamCacheControl.Read(StringValues.Empty));
        Assert.True(UpstreamCacheControl.None.Storable);
        Assert.Null(UpstreamCacheControl.None.Lifetime);
    }

    [Fact]
    public void Read_SMaxAge_WinsOverMaxAge_AndTheStaleExtensionsAreRead()
    {
        var control = UpstreamCacheControl.Read(new StringValues("public, max-age=60, s-maxage=300, stale-while-revalidate=30, stale-if-error=86400"));

        Assert.True(control.Storable);
        Assert.Equal(TimeSpan.FromSeconds(300), control.Lifetime);
        Assert.Equal(TimeSpan.FromSeconds(30), control.StaleWhileRevalidate);
        Assert.Equal(TimeSpan.FromDays(1), control.StaleIfError);
        Assert.False(control.NoStale);
    }

    [Theory]
    [InlineData("max-age=60, must-revalidate")]
    [InlineData("s-maxage=60, proxy-revalidate")]
    public void Read_Revalidate_ForbidsStaleAnswers(string header)
    {
        var control = UpstreamCacheControl.Read(new StringValues(header));

        Assert.True(control.Storable);
        Assert.True(control.NoStale);
    }
}
