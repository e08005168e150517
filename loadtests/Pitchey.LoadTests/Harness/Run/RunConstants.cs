namespace Pitchey.LoadTests.Harness.Run;

/// <summary>Defaults and bounds of <c>run</c>'s options: every run is bounded in time and in count.</summary>
internal static class RunConstants
{
    /// <summary>--rate when neither it nor --connections is given: a gentle open-model load.</summary>
    public const int DefaultRate = 1000;

    public const int MaxRate = 10_000_000;

    /// <summary>--connections of the open model when not given, and of the closed model's default.</summary>
    public const int DefaultConnections = 32;

    /// <summary>Enough for a connection-count scenario; each is one socket per target.</summary>
    public const int MaxConnections = 100_000;

    public static readonly TimeSpan DefaultDuration = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MinDuration = TimeSpan.FromMilliseconds(100);

    /// <summary>A soak's day; nothing runs longer.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(24);

    public static readonly TimeSpan DefaultWarmup = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan MaxWarmup = TimeSpan.FromMinutes(10);

    /// <summary>--max-requests default: about half an hour at 50,000/s; every run stops at its count.</summary>
    public const long DefaultMaxRequests = 100_000_000;

    public const long MaxMaxRequests = 10_000_000_000;

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(1);
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromSeconds(60);

    public const int DefaultSeed = 1;

    /// <summary>--slice: each target's turn with --compare; short, so that drift hits every target alike.</summary>
    public static readonly TimeSpan DefaultSlice = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MinSlice = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan MaxSlice = TimeSpan.FromSeconds(60);

    /// <summary>--baseline-tolerance: p50, p99 and rps may be this much worse (%) before it is a regression.</summary>
    public const double DefaultBaselineTolerance = 20;

    public const double MaxBaselineTolerance = 1000;

    /// <summary>How long the reachability check before the load waits for each target.</summary>
    public static readonly TimeSpan ConnectCheckTimeout = TimeSpan.FromSeconds(2);

    /// <summary>The environment variable holding the management API key when no --api-key-file is given.</summary>
    public const string ApiKeyVariable = "PITCHEY_ADMIN_KEY";
}
