using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Pitchey.Gateway.Diagnostics;

namespace Pitchey.Gateway.Resilience;

/// <summary>
/// One <see cref="ClusterBreaker"/> per cluster, made on first use. When the configuration files
/// change, valid new settings replace the breakers whose policy changed; invalid ones are logged
/// and ignored, so a typo in a running gateway never takes the breakers away. New settings pass
/// the same validators as at start-up.
/// </summary>
internal sealed partial class BreakerRegistry : IDisposable
{
    private readonly ConcurrentDictionary<string, ClusterBreaker> _breakers = new(StringComparer.OrdinalIgnoreCase);
    private readonly IValidateOptions<ResilienceOptions>[] _validators;
    private readonly IConfiguration _configuration;
    private readonly ResilienceMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IDisposable _reloadSubscription;
    private readonly Lock _reloadLock = new();
    private volatile ResilienceOptions _options;

    public BreakerRegistry(
        IOptions<ResilienceOptions> options,
        IEnumerable<IValidateOptions<ResilienceOptions>> validators,
        IConfiguration configuration,
        ResilienceMetrics metrics,
        TimeProvider time,
        ILogger<BreakerRegistry> logger)
    {
        _options = options.Value;
        _validators = validators.ToArray();
        _configuration = configuration;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        _reloadSubscription = ChangeToken.OnChange(configuration.GetReloadToken, Reload);
        metrics.ObserveStates(this);
    }

    public ClusterBreaker Get(string clusterId) =>
        _breakers.TryGetValue(clusterId, out var breaker) ? breaker : _breakers.GetOrAdd(clusterId, Create);

    /// <summary>The breakers made so far (a cluster that has had no traffic has none yet).</summary>
    public ICollection<ClusterBreaker> All() => _breakers.Values;

    public void Dispose() => _reloadSubscription.Dispose();

    private ClusterBreaker Create(string clusterId) =>
        new(clusterId, ClusterPolicy.From(_options.For(clusterId)), _metrics, _time, _logger);

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
            LogSettingsRejected(_logger, exception.Message);
            return;
        }

        var failures = _validators.Select(validator => validator.Validate(Options.DefaultName, fresh))
            .Where(result => result.Failed)
            .SelectMany(result => result.Failures ?? [])
            .ToArray();
        if (failures.Length > 0)
        {
            LogSettingsRejected(_logger, string.Join(" ", failures));
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
                    _breakers[clusterId] = new ClusterBreaker(clusterId, policy, _metrics, _time, _logger);
                    LogSettingsChanged(_logger, clusterId);
                }
            }
        }
    }
}
