namespace Pitchey.Gateway.Management;

/// <summary>Who may call a management endpoint; endpoint metadata read by <see cref="ManagementGuard"/>.</summary>
internal enum ManagementAccess
{
    /// <summary>The API key, always (the default of the management group).</summary>
    Key,

    /// <summary>The key, unless <c>Management:MetricsAnonymous</c> is true (<c>/metrics</c>).</summary>
    Metrics,

    /// <summary>No key: the status page's own HTML, script and style, which hold no data.</summary>
    Anonymous,
}
