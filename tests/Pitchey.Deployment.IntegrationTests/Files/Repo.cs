using Pitchey.Testing.Postgres;

namespace Pitchey.Deployment.IntegrationTests.Files;

/// <summary>The deployment files of the repository, each read fresh (tests must not share mutable YAML nodes).</summary>
internal static class Repo
{
    public static string PathOf(string relative) => Path.Combine(RepoPaths.Root, relative);

    public static bool Exists(string relative) => File.Exists(PathOf(relative)) || Directory.Exists(PathOf(relative));

    public static Dockerfile Dockerfile() => Files.Dockerfile.Read(PathOf("Dockerfile"));

    public static DockerIgnore DockerIgnore() => Files.DockerIgnore.Read(PathOf(".dockerignore"));

    /// <summary>The example env file that stands in for a real .env, as in .ci/run.</summary>
    public static IReadOnlyDictionary<string, string> ComposeVariables() => EnvFile.Read(PathOf(".env.example"));

    public static ComposeFile Compose() => ComposeFile.Read(PathOf("docker-compose.yml"), ComposeVariables());

    public static KubernetesManifests Kubernetes() => KubernetesManifests.Read(PathOf("config/k8s"));

    /// <summary>Repository-relative form of a compose bind source (<c>./config/x</c> -> <c>config/x</c>).</summary>
    public static string Relative(string source) => source.StartsWith("./", StringComparison.Ordinal) ? source[2..] : source;

    /// <summary>
    /// A path the image's working directory (/app) must hold: a file of the repository's config/, which the
    /// build context admits and the gateway project publishes beside its binary.
    /// </summary>
    public static void AssertInImage(string relative)
    {
        Assert.StartsWith("config/", relative, StringComparison.Ordinal);
        Assert.True(File.Exists(PathOf(relative)), $"{relative} does not exist");
        Assert.True(DockerIgnore().Includes(relative), $"{relative} is left out of the build context by .dockerignore");
    }
}
