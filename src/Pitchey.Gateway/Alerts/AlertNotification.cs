namespace Pitchey.Gateway.Alerts;

/// <summary>
/// The JSON body of a webhook POST (and of the log line). <paramref name="Id"/> (<c>rule|subject</c>)
/// and <paramref name="Status"/> identify it: a receiver that saw the same pair with the same
/// <paramref name="Sequence"/> is seeing a retry.
/// </summary>
/// <param name="Status"><c>firing</c> or <c>resolved</c>.</param>
/// <param name="Sequence">Per gateway process, +1 per notice.</param>
/// <param name="Gateway">The machine (pod) name, so several gateways' notices can be told apart.</param>
internal sealed record AlertNotification(
    string Id,
    string Rule,
    string Kind,
    string Severity,
    string Status,
    string Subject,
    string Summary,
    double? Value,
    double? Threshold,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    DateTimeOffset SentAt,
    long Sequence,
    string Gateway);
