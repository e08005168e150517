using Microsoft.Extensions.Logging.Console;

namespace Pitchey.Gateway.Diagnostics;

/// <summary>
/// Turns off ASP.NET Core's per-request Activity and logging scope when nothing would read them.
/// Hosting starts both for every request whenever its <c>Microsoft.AspNetCore.Hosting.Diagnostics</c>
/// logger is enabled at any level (even Critical), which the usual "Microsoft.AspNetCore: Warning"
/// leaves on: about 2 KB of allocation per forwarded request (the Activity, its tags, the scope, an
/// ExecutionContext copy) and the outgoing request's own Activity, for ids that the plain console
/// formatter never prints. They stay when something reads them: JSON console lines or
/// <c>Logging:Console:IncludeScopes</c> (each line names its request and trace), OTLP tracing (its
/// listener makes the Activity regardless), or an explicit level for that category.
/// docs/benchmarks.md ("Forwarding throughput") has the measurement.
/// </summary>
internal static class RequestDiagnostics
{
    public const string HostingCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public static bool AreRead(IConfiguration configuration, bool tracing) =>
        tracing
        || string.Equals(configuration["Logging:Console:FormatterName"], ConsoleFormatterNames.Json, StringComparison.OrdinalIgnoreCase)
        || configuration.GetValue<bool>("Logging:Console:IncludeScopes")
        || configuration.GetValue<bool>("Logging:Console:FormatterOptions:IncludeScopes")
        || configuration[$"Logging:LogLevel:{HostingCategory}"] is not null;

    /// <summary>Filters the hosting category out unless <see cref="AreRead"/>.</summary>
    public static void TurnOffUnlessRead(IHostApplicationBuilder builder, bool tracing)
    {
        if (!AreRead(builder.Configuration, tracing))
        {
            builder.Logging.AddFilter(HostingCategory, LogLevel.None);
        }
    }
}
