using System.Globalization;
using Microsoft.Extensions.Options;
using Pitchey.Database.Configuration;
using StackExchange.Redis;
using static Pitchey.Gateway.Caching.CacheConstants;

namespace Pitchey.Gateway.Caching;

/// <summary>Every <c>Cache</c> setting within its bounds; each failure names its full key, never a value (the Redis string may hold a password).</summary>
internal sealed class CacheOptionsValidator : IValidateOptions<CacheOptions>
{
    public ValidateOptionsResult Validate(string? name, CacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new OptionsErrors(CacheOptions.SectionName);
        errors.InRange(nameof(options.SizeLimit), options.SizeLimit, MinSizeLimit, MaxSizeLimit);
        errors.InRange(nameof(options.MaxEntrySize), options.MaxEntrySize, MinMaxEntrySize, Math.Max(MinMaxEntrySize, options.SizeLimit));
        errors.InRange(nameof(options.CoalesceTimeout), options.CoalesceTimeout, TimeSpan.Zero, MaxCoalesceTimeout);
        errors.InRange(nameof(options.RefreshTimeout), options.RefreshTimeout, MinRefreshTimeout, MaxRefreshTimeout);
        if (string.IsNullOrWhiteSpace(options.RedisKeyPrefix) || options.RedisKeyPrefix.Length > MaxRedisKeyPrefixLength)
        {
            errors.Add(nameof(options.RedisKeyPrefix), $"must be 1 to {MaxRedisKeyPrefixLength} characters.");
        }

        if (!string.IsNullOrWhiteSpace(options.Redis) && !ParsesAsRedis(options.Redis))
        {
            errors.Add(nameof(options.Redis), "is not a StackExchange.Redis configuration string (host:port[,option=value...]).");
        }

        if (options.SessionCookies is { } cookies)
        {
            for (var i = 0; i < cookies.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(cookies[i]))
                {
                    errors.Add($"{nameof(options.SessionCookies)}:{Index(i)}", "must be a cookie name.");
                }
            }
        }

        foreach (var (policyName, policy) in options.Policies)
        {
            if (policy is not null)
            {
                ValidatePolicy(errors.Section($"{nameof(options.Policies)}:{policyName}"), policy);
            }
        }

        for (var i = 0; i < options.WriteEvictions.Count; i++)
        {
            var rule = options.WriteEvictions[i];
            var section = errors.Section($"{nameof(options.WriteEvictions)}:{Index(i)}");
            if (rule?.PathPrefix is not ['/', ..])
            {
                section.Add(nameof(CacheEvictionRule.PathPrefix), "must be a path starting with '/'.");
            }

            if (rule is null || rule.Tags.Count == 0 || rule.Tags.Exists(t => !IsToken(t)))
            {
                section.Add(nameof(CacheEvictionRule.Tags), "must list at least one tag (letters, digits, '-', '_', '.').");
            }
        }

        return errors.Result;
    }

    private static void ValidatePolicy(OptionsErrors section, CachePolicyOptions policy)
    {
        section.InRange(nameof(policy.Ttl), policy.Ttl, TimeSpan.Zero, MaxTtl);
        section.InRange(nameof(policy.StaleWhileRevalidate), policy.StaleWhileRevalidate, TimeSpan.Zero, MaxStaleWindow);
        section.InRange(nameof(policy.StaleIfError), policy.StaleIfError, TimeSpan.Zero, MaxStaleWindow);
        if (policy.PerUser && (policy.StaleWhileRevalidate > TimeSpan.Zero || policy.StaleIfError > TimeSpan.Zero))
        {
            section.Add(nameof(policy.PerUser), "policies never serve stale answers: leave StaleWhileRevalidate and StaleIfError at 0.");
        }

        for (var i = 0; i < policy.Tags.Count; i++)
        {
            if (!IsToken(policy.Tags[i]))
            {
                section.Add($"{nameof(policy.Tags)}:{Index(i)}", "must be a tag (letters, digits, '-', '_', '.').");
            }
        }

        for (var i = 0; i < policy.VaryByHeaders.Count; i++)
        {
            if (!IsHeaderName(policy.VaryByHeaders[i]))
            {
                section.Add($"{nameof(policy.VaryByHeaders)}:{Index(i)}", "must be an HTTP header name.");
            }
        }
    }

    internal static bool IsToken(string? text) =>
        !string.IsNullOrEmpty(text) && text.Length <= 100 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static bool IsHeaderName(string? text) =>
        !string.IsNullOrEmpty(text) && text.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal));

    private static bool ParsesAsRedis(string configuration)
    {
        try
        {
            _ = ConfigurationOptions.Parse(configuration);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);
}
