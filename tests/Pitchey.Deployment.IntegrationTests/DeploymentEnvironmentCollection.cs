namespace Pitchey.Deployment.IntegrationTests;

/// <summary>The tests that share one <see cref="DeploymentEnvironment"/>.</summary>
[CollectionDefinition(Name)]
public sealed class DeploymentEnvironmentCollection : ICollectionFixture<DeploymentEnvironment>
{
    public const string Name = "deployment database and stand-in";
}
