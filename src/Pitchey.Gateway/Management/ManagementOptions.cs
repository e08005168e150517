namespace Pitchey.Gateway.Management;

/// <summary>
/// The management plane: a second listener for operators and scrapers, behind an API key. Bound
/// from <c>Management</c>, read at start-up (restart to change). Bounds in <see cref="ManagementConstants"/>.
/// </summary>
internal sealed class ManagementOptions
{
    public const string SectionName = "Management";

    /// <summary>
    /// Where the management listener binds, <c>;</c>-separated like <c>Urls</c>: <c>http://</c> with an
    /// IP address, <c>localhost</c> or <c>*</c> and a port. Default <c>http://127.0.0.1:8081</c>. A request
    /// is a management request because it arrived on one of these sockets, never because of its Host header.
    /// </summary>
    public string Urls { get; set; } = ManagementConstants.DefaultUrls;

    /// <summary>
    /// Lowercase hex SHA-256 of the API key (64 characters; <c>printf %s "$key" | sha256sum</c>). Unset:
    /// the plane is off, its listener is not opened and none of its endpoints exist. Never the key itself.
    /// </summary>
    public string? ApiKeySha256 { get; set; }

    /// <summary>Serve <c>/metrics</c> without the key, for scrapers that cannot send one. Default false.</summary>
    public bool MetricsAnonymous { get; set; }

    /// <summary>
    /// Host header values accepted on the management listener (a DNS-rebound page gets 400). Empty
    /// (the default): <c>127.0.0.1</c>, <c>localhost</c>, <c>::1</c>. Each listener's own host is always allowed.
    /// </summary>
    public IList<string> AllowedHosts { get; } = [];

    /// <summary>How far back the status page's charts reach. Default 00:30:00, range 1 min..24 h.</summary>
    public TimeSpan HistoryWindow { get; set; } = ManagementConstants.DefaultHistoryWindow;

    /// <summary>How often the history samples its figures. Default 00:00:05, range 1 s..5 min.</summary>
    public TimeSpan HistoryInterval { get; set; } = ManagementConstants.DefaultHistoryInterval;

    /// <summary>True when a key hash is configured: the plane is on.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(ApiKeySha256);
}
