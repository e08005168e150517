using Microsoft.Extensions.DependencyInjection;
using Pitchey.Testing.Postgres;

namespace Pitchey.Testing.Gateway;

/// <summary>
/// What a <see cref="GatewayEnvironment"/> is made of: its database part, the stand-in API, and
/// what every gateway in front of them gets on top of <see cref="GatewayServer.BaseSettings"/>.
/// </summary>
public sealed record GatewayRecipe
{
    /// <summary>The clusters, data and replicas. Default: a primary with the schema.</summary>
    public DatabaseRecipe Database { get; init; } = new();

    /// <summary>Start the stand-in API and point the <c>api</c> cluster at it. Default false (nothing listens upstream).</summary>
    public bool StandIn { get; init; }

    /// <summary>
    /// Start one gateway with the environment, shared by its tests (they must leave it as they
    /// found it); tests that change settings start their own. Default false.
    /// </summary>
    public bool Gateway { get; init; }

    /// <summary>Setting changes every gateway of the environment gets. Default none.</summary>
    public Action<Dictionary<string, string?>>? Settings { get; init; }

    /// <summary>Services every gateway of the environment gets (test endpoints, fakes). Default none.</summary>
    public Action<IServiceCollection>? Services { get; init; }
}
