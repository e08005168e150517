using Pitchey.Deployment.IntegrationTests.Files;
using Pitchey.Deployment.IntegrationTests.Settings;
using Pitchey.Gateway.Cli.Probe;

namespace Pitchey.Deployment.IntegrationTests.Container;

/// <summary>The Dockerfile read against the project: stages, user, listeners, health check, build context.</summary>
public sealed class DockerfileTests
{
    /// <summary>The ports fixed for every branch: public 8080, management 8081, on every address of the container.</summary>
    internal const int PublicPort = 8080;
    internal const int ManagementPort = 8081;

    [Fact]
    public void Stages_BuildWithTheSdk_RunTheGatewayByDefaultOnTheAspNetRuntime()
    {
        var dockerfile = Repo.Dockerfile();

        Assert.Equal("gateway", dockerfile.Default.Name);
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:", dockerfile.Lineage(dockerfile.Stage("publish-gateway")).Last().From, StringComparison.Ordinal);
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:", dockerfile.Lineage(dockerfile.Default).Last().From, StringComparison.Ordinal);
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:", dockerfile.Lineage(dockerfile.Stage("standin")).Last().From, StringComparison.Ordinal);
        // Only published output reaches the runtime stages: no sources, no SDK.
        Assert.All(dockerfile.Lineage(dockerfile.Default), stage => Assert.Empty(stage.CopiedFromContext));
    }

    [Fact]
    public void RuntimeStages_RunAsTheImagesNonRootUser()
    {
        var dockerfile = Repo.Dockerfile();

        Assert.Equal("$APP_UID", dockerfile.Inherited(dockerfile.Default, "USER"));
        Assert.Equal("$APP_UID", dockerfile.Inherited(dockerfile.Stage("standin"), "USER"));
        Assert.Equal("/app", dockerfile.Inherited(dockerfile.Default, "WORKDIR"));
    }

    [Fact]
    public void Gateway_ListensOnThePortsItExposes_WithKnownSettings()
    {
        var dockerfile = Repo.Dockerfile();
        var environment = dockerfile.Environment(dockerfile.Default);

        Assert.Equal(new Endpoint("0.0.0.0", PublicPort), Endpoint.FromUrl(environment["Urls"]));
        Assert.Equal(new Endpoint("0.0.0.0", ManagementPort), Endpoint.FromUrl(environment["Management__Urls"]));
        Assert.Equal([PublicPort, ManagementPort], dockerfile.Default.Exposed.Order());
        Assert.All(environment.Keys, name => Assert.True(KnownSettings.Gateway.KnowsVariable(name), $"ENV {name} is read by nothing"));
        Assert.Equal("", environment["ASPNETCORE_HTTP_PORTS"]); // the base image's 8080 default, cleared
    }

    [Fact]
    public void StandIn_ListensOnThePortItExposes()
    {
        var dockerfile = Repo.Dockerfile();
        var standIn = dockerfile.Stage("standin");

        Assert.Equal([Endpoint.FromUrl(dockerfile.Environment(standIn)["ASPNETCORE_URLS"]).Port], standIn.Exposed);
        Assert.Equal(["dotnet", "/app/Pitchey.StandIn.dll"], Dockerfile.ExecForm(dockerfile.Inherited(standIn, "ENTRYPOINT")!));
    }

    [Fact]
    public void Gateway_ServesByDefault_AndItsHealthCheckIsTheProbeVerbOnLiveness()
    {
        var dockerfile = Repo.Dockerfile();
        var entrypoint = Dockerfile.ExecForm(dockerfile.Default.Last("ENTRYPOINT")!);
        var (options, command) = Dockerfile.HealthCheck(dockerfile.Default.Last("HEALTHCHECK")!);

        Assert.Equal(["dotnet", "/app/Pitchey.Gateway.dll"], entrypoint);
        Assert.Equal(["serve"], Dockerfile.ExecForm(dockerfile.Default.Last("CMD")!));
        Assert.Equal([.. entrypoint, ProbeCommand.Name], command.Take(3));
        Assert.DoesNotContain("--url", command); // so it probes the default path on the address in Urls
        Assert.Equal("/health/live", ProbeTarget.DefaultPath);
        // The probe's own timeout is inside Docker's, so Docker always gets an exit code rather than killing it.
        var probeTimeout = Pitchey.Gateway.Cli.Migrate.MigrateOptions.ParseDuration(command[command.ToList().IndexOf("--timeout") + 1]);
        Assert.True(probeTimeout < Pitchey.Gateway.Cli.Migrate.MigrateOptions.ParseDuration(options["timeout"]));
    }

    [Fact]
    public void BuildContext_HoldsWhatTheBuildCopiesAndTheGatewayReads_AndNoSecrets()
    {
        var dockerfile = Repo.Dockerfile();
        var ignore = Repo.DockerIgnore();

        var copied = dockerfile.Stages.SelectMany(s => s.CopiedFromContext).Select(p => p.TrimEnd('/')).Distinct().ToList();
        Assert.Contains("src", copied);
        Assert.All(copied, path =>
        {
            Assert.True(Repo.Exists(path), $"COPY {path}: no such file");
            Assert.True(ignore.Includes(path), $"COPY {path}: left out of the build context");
        });
        foreach (var file in Directory.GetFiles(Repo.PathOf("config"), "*.json").Append(Repo.PathOf("config/sql/indexes.sql")).Append(Repo.PathOf("config/sql/schema.sql")))
        {
            Repo.AssertInImage(Path.GetRelativePath(Pitchey.Testing.Postgres.RepoPaths.Root, file).Replace('\\', '/'));
        }

        string[] outside = [".env", "config/k8s/secret.env", "config/k8s/deployment.yaml", ".pitchey/admin-key", ".git/config", "tests/Pitchey.Deployment.IntegrationTests/Files/Repo.cs",
            "src/Pitchey.Gateway/bin/Release/net10.0/Pitchey.Gateway.dll", "src/Pitchey.Gateway/obj/project.assets.json", "loadtests/Pitchey.LoadTests/Program.cs", "docker-compose.yml"];
        Assert.All(outside, path => Assert.False(ignore.Includes(path), $"{path} would be sent to the builder"));
    }
}
