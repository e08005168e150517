namespace Pitchey.Gateway.Management;

/// <summary>
/// Metadata of every endpoint mapped into the management group: such an endpoint matches only
/// requests that arrived on the management listener (<see cref="ManagementMatcherPolicy"/>), and
/// <see cref="Access"/> says whether it needs the key.
/// </summary>
internal sealed class ManagementEndpoint(ManagementAccess access)
{
    public static readonly ManagementEndpoint Key = new(ManagementAccess.Key);
    public static readonly ManagementEndpoint Metrics = new(ManagementAccess.Metrics);
    public static readonly ManagementEndpoint Anonymous = new(ManagementAccess.Anonymous);

    public ManagementAccess Access { get; } = access;
}
