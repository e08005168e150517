namespace Pitchey.Gateway.Cli;

/// <summary>
/// The exit codes of every verb, in one table (sysexits.h where one fits). Public: the load-test
/// tool's verbs answer with the same codes.
/// </summary>
public static class ExitCodes
{
    /// <summary>Done, nothing to report.</summary>
    public const int Ok = 0;

    /// <summary>Done, with warnings or findings to look at (lint warnings, verify findings, plan conflicts).</summary>
    public const int Findings = 1;

    /// <summary><c>probe</c>: the gateway did not answer 2xx (Docker's HEALTHCHECK reads 0 as healthy, 1 as unhealthy).</summary>
    public const int Unhealthy = 1;

    /// <summary>Errors, or a step that failed: the file or the database has to change.</summary>
    public const int Failed = 2;

    /// <summary>A load test ran to the end, but a threshold (<c>--threshold</c>) or the comparison with a baseline (<c>--baseline</c>) did not hold.</summary>
    public const int ThresholdsNotMet = 3;

    /// <summary>The command line is wrong (unknown verb or option, missing or malformed value).</summary>
    public const int Usage = 64;

    /// <summary>The input data is not what the verb needs (for example a database that already has data).</summary>
    public const int DataError = 65;

    /// <summary>The database could not be reached.</summary>
    public const int Unavailable = 69;

    /// <summary>A setting is wrong (the message names its key).</summary>
    public const int Config = 78;

    /// <summary>Cancelled by Ctrl-C or SIGTERM (128 + SIGINT).</summary>
    public const int Cancelled = 130;
}
