using Microsoft.Extensions.Configuration;
using Pitchey.Deployment.IntegrationTests.Files;

namespace Pitchey.Deployment.IntegrationTests.Settings;

/// <summary>The yardstick of the deployment tests: it knows what the gateway reads, and refuses near misses.</summary>
public sealed class KnownSettingsTests
{
    [Theory]
    [InlineData("Database__Primary")]
    [InlineData("Database__Replicas__3")]
    [InlineData("Database__Routing__Rules__browse__MaxLagSeconds")]
    [InlineData("Database__Routing__Http__ReadYourWrites")]
    [InlineData("Resilience__Clusters__payments__BreakDuration")]
    [InlineData("TunedQueries__CursorSecret")]
    [InlineData("Migrations__LockTimeout")]
    [InlineData("HealthProbes__CacheTtl")]
    [InlineData("Proxy__TrustedProxies__0")]
    [InlineData("ReverseProxy__Clusters__api__Destinations__d2__Address")]
    [InlineData("ReverseProxy__Clusters__api__HealthCheck__Active__Interval")]
    [InlineData("ReverseProxy__Clusters__api__Metadata__ConsecutiveFailuresHealthPolicy.Threshold")]
    [InlineData("ReverseProxy__Routes__api__Match__Path")]
    [InlineData("ReverseProxy__Routes__api__Transforms__0__RequestHeader")]
    [InlineData("Logging__LogLevel__Yarp")]
    [InlineData("urls")]
    [InlineData("PITCHEY_CONFIG_DIR")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT")]
    public void KnowsVariable_WhatTheGatewayReads_IsKnown(string name) =>
        Assert.True(KnownSettings.Gateway.KnowsVariable(name), $"{name} should be known");

    [Theory]
    [InlineData("Database__Primray")]
    [InlineData("Database__Replicas")] // a list needs an index: Database__Replicas__0
    [InlineData("Resilience__api__FailureRatio")]
    [InlineData("ReverseProxy__Clusters__api__Destinatons__d1__Address")]
    [InlineData("ReverseProxy__Clusters__api__Destinations__d1__Adress")]
    [InlineData("HealthProbes__CacheTtl__Seconds")]
    [InlineData("TunedQueries_CursorSecret")]
    [InlineData("Urls__0")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOIN")]
    public void KnowsVariable_NearMisses_AreRefused(string name) =>
        Assert.False(KnownSettings.Gateway.KnowsVariable(name), $"{name} should be refused");

    [Fact]
    public void ShippedSettingsFiles_UseOnlyKnownKeys()
    {
        var files = Directory.GetFiles(Repo.PathOf("config"), "*.json");
        Assert.Contains(files, f => Path.GetFileName(f) == "appsettings.json");
        foreach (var file in files)
        {
            var settings = new ConfigurationBuilder().AddJsonFile(file).Build();
            // An empty list ("Replicas": []) reads as an empty value under its own key: not a setting of its own.
            var leaves = settings.AsEnumerable().Where(p => p.Value is { Length: > 0 }).Select(p => p.Key).ToList();
            Assert.NotEmpty(leaves);
            Assert.All(leaves, key => Assert.True(KnownSettings.Gateway.Knows(key), $"{Path.GetFileName(file)}: {key} is read by nothing"));
        }
    }
}
