using Microsoft.AspNetCore.Routing.Matching;

namespace Pitchey.Gateway.Management;

/// <summary>
/// Keeps the two listeners' endpoints apart in the one route table: on the management listener
/// only management endpoints match (so an unknown path is a 404, never the proxy's catch-all), on
/// the public listener none of them do (so <c>/metrics</c> there is an API path, forwarded like any
/// other). Registered only while the plane is on.
/// </summary>
internal sealed class ManagementMatcherPolicy : MatcherPolicy, IEndpointSelectorPolicy
{
    // Before the host and method policies: they need not consider what this one rules out.
    public override int Order => -2000;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) => true;

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        var management = ManagementConnection.Is(httpContext);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates.IsValidCandidate(i)
                && (candidates[i].Endpoint.Metadata.GetMetadata<ManagementEndpoint>() is not null) != management)
            {
                candidates.SetValidity(i, false);
            }
        }

        return Task.CompletedTask;
    }
}
