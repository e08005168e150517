namespace Pitchey.Gateway.RoutingHeaders;

/// <summary>
/// The HTTP side of database routing: the headers and cookie that carry it. Bound from
/// <c>Database:Routing:Http</c>; bounds in <see cref="DatabaseRoutingHttpConstants"/>.
/// </summary>
internal sealed class DatabaseRoutingHttpOptions
{
    public const string SectionName = "Database:Routing:Http";

    /// <summary>
    /// Adds <c>X-Pitchey-Db: primary|replica</c> to responses the database module answered, so
    /// people can see where a read ran. Default false (it tells outsiders about the topology);
    /// the demo turns it on.
    /// </summary>
    public bool DecisionHeader { get; set; } = DatabaseRoutingHttpConstants.DefaultDecisionHeader;

    /// <summary>
    /// After a successful proxied write (POST, PUT, PATCH, DELETE answered 2xx), send the
    /// primary's WAL position as the <c>X-Pitchey-Lsn</c> header and the <c>pitchey-lsn</c>
    /// cookie (signed, see <see cref="LsnSigningKey"/>), and honour it on later reads. Default true.
    /// </summary>
    public bool ReadYourWrites { get; set; } = DatabaseRoutingHttpConstants.DefaultReadYourWrites;

    /// <summary>
    /// Lifetime of the <c>pitchey-lsn</c> cookie. Replicas normally catch up within a second; after
    /// this the cookie is gone and reads may use any replica within the lag budget again.
    /// Default 60 s, range 1 s..1 h.
    /// </summary>
    public TimeSpan LsnCookieMaxAge { get; set; } = DatabaseRoutingHttpConstants.DefaultLsnCookieMaxAge;

    /// <summary>
    /// HMAC key (32+ characters) that signs the read-your-writes tokens; a token older than
    /// <see cref="LsnCookieMaxAge"/> is ignored too. Unset: a random key per process, so a token
    /// issued by one gateway is ignored by another (and after a restart): behind a load balancer
    /// give every gateway the same key, or a read after a write may land on a lagging replica. A
    /// secret: settings or environment only, never logged.
    /// </summary>
    public string? LsnSigningKey { get; set; }
}
