using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Pitchey.Gateway.Resilience;

/// <summary>
/// One <see cref="ClusterBreaker"/> per cluster, made on first use. When the configuration files
/// change, valid new settings replace the breakers whose policy changed; invalid ones are logged
/// and ignored, so a typo in a running gateway never takes the breakers away.
/// </summary>
internal sealed class BreakerRegistry : IDisposable
{
    private readonly ConcurrentDictionary<string, ClusterBreaker> _breakers = new(StringComparer.OrdinalIgnoreCase);
    private readonly IConfiguration _configuration;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IDisposable _reloadSubscription;
    private readonly Lock _reloadLock = new();
    private volatile ResilienceOptions _options;

    public BreakerRegistry(IOptions<ResilienceOptions> options, IConfiguration configuration, TimeProvider time, ILogger<BreakerRegistry> logger)
    {
        _options = options.Value;
        _configuration = configuration;
        _time = time;
        _logger = logger;
        _reloadSubscription = ChangeToken.OnChange(configuration.GetReloadToken, Reload);
        ResilienceMetrics.Track(this);
    }

    public ClusterBreaker Get(string clusterId) =>
        _breakers.TryGetValue(clusterId, out var breaker) ? breaker : _breakers.GetOrAdd(clusterId, Create);

    /// <summary>The breakers made so far (a cluster that has had no traffic has none yet).</summary>
    public ICollection<ClusterBreaker> All() => _breakers.Values;

    public void Dispose()
    {
        ResilienceMetrics.Untrack(this);
        _reloadSubscription.Dispose();
    }

    private ClusterBreaker Create(string clusterId) =>
        new(clusterId, ClusterPolicy.From(_options.For(clusterId)), _time, _logger);

    private void Reload()
    {
        ResilienceOptions fresh;
        try
        {
            fresh = new ResilienceOptions();
            _configuration.GetSection(ResilienceOptions.SectionName).Bind(fresh);
        }
        catch (InvalidOperationException exception)
        {
            ResilienceLog.SettingsRejected(_logger, exception.Message);
            return;
        }

        var errors = ResilienceOptionsValidator.Errors(fresh);
        if (errors.Count > 0)
        {
            ResilienceLog.SettingsRejected(_logger, string.Join(" ", errors));
            return;
        }

        lock (_reloadLock)
        {
            _options = fresh;
            foreach (var (clusterId, breaker) in _breakers)
            {
                var policy = ClusterPolicy.From(fresh.For(clusterId));
                if (policy != breaker.Policy)
                {
                    _breakers[clusterId] = new ClusterBreaker(clusterId, policy, _time, _logger);
                    ResilienceLog.SettingsChanged(_logger, clusterId);
                }
            }
        }
    }
}
