using System.Globalization;
using Microsoft.Extensions.Options;
using Pitchey.Database.Configuration;
using C = Pitchey.Gateway.Alerts.AlertConstants;

namespace Pitchey.Gateway.Alerts;

/// <summary>
/// Every rule and webhook usable. A webhook's URL is never echoed (it is a secret): each message
/// names the key and says what is wrong.
/// </summary>
internal sealed class AlertOptionsValidator : IValidateOptions<AlertOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new OptionsErrors(AlertOptions.SectionName);
        errors.InRange(nameof(options.EvaluationInterval), options.EvaluationInterval, C.MinEvaluationInterval, C.MaxEvaluationInterval);
        errors.InRange(nameof(options.History), options.History, C.MinHistory, C.MaxHistory);
        for (var i = 0; i < options.AllowedHosts.Count; i++)
        {
            var host = options.AllowedHosts[i];
            if (string.IsNullOrWhiteSpace(host) || Uri.CheckHostName(host) == UriHostNameType.Unknown)
            {
                errors.Add($"{nameof(options.AllowedHosts)}:{i.ToString(CultureInfo.InvariantCulture)}", "must be a host name or address, without scheme, port or path.");
            }
        }

        foreach (var (rule, settings) in options.Rules)
        {
            ValidateRule(errors.Section($"{nameof(options.Rules)}:{rule}"), settings, options);
        }

        foreach (var (webhook, settings) in options.Webhooks)
        {
            ValidateWebhook(errors.Section($"{nameof(options.Webhooks)}:{webhook}"), settings, options);
        }

        return errors.Result;
    }

    private static void ValidateRule(OptionsErrors errors, AlertRuleOptions rule, AlertOptions options)
    {
        if (rule.KindValue is not { } kind)
        {
            errors.Add(nameof(rule.Kind), $"must be one of {string.Join(", ", Enum.GetNames<AlertKind>())}.");
        }
        else if (rule.Threshold is { } threshold)
        {
            switch (kind)
            {
                case AlertKind.QueryLatency:
                    errors.InRange(nameof(rule.Threshold), threshold, 0, C.MaxQueryLatencyMs);
                    break;
                case AlertKind.ErrorRate or AlertKind.PoolSaturation:
                    errors.InRange(nameof(rule.Threshold), threshold, 0, 1);
                    break;
                case AlertKind.ReplicaLag or AlertKind.ProbeRefresh:
                    errors.InRange(nameof(rule.Threshold), threshold, 0, C.MaxSeconds);
                    break;
            }
        }

        errors.InRange(nameof(rule.Window), rule.Window, C.MinWindow, C.MaxWindow);
        errors.InRange(nameof(rule.MinimumRequests), rule.MinimumRequests, 1, C.MaxMinimumRequests);
        errors.InRange(nameof(rule.For), rule.For, TimeSpan.Zero, C.MaxFor);
        errors.InRange(nameof(rule.Cooldown), rule.Cooldown, TimeSpan.Zero, C.MaxCooldown);
        if (!C.Severities.Contains(rule.Severity, StringComparer.Ordinal))
        {
            errors.Add(nameof(rule.Severity), $"must be one of {string.Join(", ", C.Severities)}.");
        }

        for (var i = 0; i < rule.Webhooks.Count; i++)
        {
            if (!options.Webhooks.ContainsKey(rule.Webhooks[i]))
            {
                errors.Add($"{nameof(rule.Webhooks)}:{i.ToString(CultureInfo.InvariantCulture)}", "must name a webhook of Alerts:Webhooks.");
            }
        }
    }

    private static void ValidateWebhook(OptionsErrors errors, AlertWebhookOptions webhook, AlertOptions options)
    {
        if (!Uri.TryCreate(webhook.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add(nameof(webhook.Url), "must be an absolute http:// or https:// URL.");
        }
        else if (url.UserInfo.Length > 0)
        {
            errors.Add(nameof(webhook.Url), "must not carry credentials (user:password@); put the receiver's token in its path or query.");
        }
        else if (!WebhookAddressPolicy.IsLoopbackHost(url.Host) && !options.AllowedHosts.Contains(url.Host, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add(nameof(webhook.Url), "names a host that is neither loopback nor listed in Alerts:AllowedHosts (webhooks reach only hosts an operator allowed).");
        }
        else if (url.Scheme != Uri.UriSchemeHttps && !WebhookAddressPolicy.IsLoopbackHost(url.Host))
        {
            errors.Add(nameof(webhook.Url), "must use https: the URL is a secret, and only a loopback receiver may be plain http.");
        }

        errors.InRange(nameof(webhook.Timeout), webhook.Timeout, C.MinWebhookTimeout, C.MaxWebhookTimeout);
        errors.InRange(nameof(webhook.MaxAttempts), webhook.MaxAttempts, C.MinMaxAttempts, C.MaxMaxAttempts);
        errors.InRange(nameof(webhook.RetryBaseDelay), webhook.RetryBaseDelay, C.MinRetryDelay, C.MaxRetryDelay);
        errors.InRange(nameof(webhook.RetryMaxDelay), webhook.RetryMaxDelay, C.MinRetryDelay, C.MaxRetryDelay);
        if (webhook.RetryMaxDelay < webhook.RetryBaseDelay)
        {
            errors.Add(nameof(webhook.RetryMaxDelay), $"must be at least {errors.Path}:{nameof(webhook.RetryBaseDelay)}.");
        }
    }
}
