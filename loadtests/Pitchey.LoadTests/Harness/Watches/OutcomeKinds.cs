using System.Globalization;
using Pitchey.LoadTests.Harness.Engine;

namespace Pitchey.LoadTests.Harness.Watches;

/// <summary>
/// The kinds a scenario's own figures tell outcomes apart by: the report's error kinds, with a
/// failing status split by whether it came with <c>Retry-After</c> (an open breaker's or a full
/// turnstile's answer, as opposed to the upstream's own failure). Each kind has a small integer key,
/// so counting one allocates nothing.
/// </summary>
internal static class OutcomeKinds
{
    public const int Ok = 0;

    /// <summary>The key of an outcome: <see cref="Ok"/>, a transport kind (1..5), or 1000 + 2 × status (+1 with Retry-After).</summary>
    public static int Key(RequestOutcome outcome) =>
        outcome.Succeeded ? Ok
        : outcome.Error != ErrorKind.None ? (int)outcome.Error
        : 1000 + (outcome.Status * 2) + (outcome.RetryAfter ? 1 : 0);

    /// <summary>A 503 (or any failing status) that came with Retry-After.</summary>
    public static bool IsRejection(RequestOutcome outcome) => outcome is { Error: ErrorKind.None, Status: 503, RetryAfter: true };

    public static string Name(int key) => key switch
    {
        Ok => "ok",
        (int)ErrorKind.Timeout => "timeout",
        (int)ErrorKind.Refused => "refused",
        (int)ErrorKind.Reset => "reset/closed",
        (int)ErrorKind.Other => "other",
        >= 1000 => string.Create(CultureInfo.InvariantCulture, $"status {(key - 1000) / 2}{((key - 1000) % 2 == 1 ? " with Retry-After" : "")}"),
        _ => "unknown",
    };
}
