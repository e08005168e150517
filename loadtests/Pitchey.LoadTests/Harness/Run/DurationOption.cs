using System.CommandLine;
using Pitchey.Gateway.Cli;

namespace Pitchey.LoadTests.Harness.Run;

/// <summary>A duration option (<c>500ms</c>, <c>30s</c>, <c>5m</c>, <c>1h</c>, <c>00:00:30</c>) within bounds; anything else is a parse error naming the option.</summary>
internal static class DurationOption
{
    public static Option<TimeSpan> Create(string name, string description, TimeSpan defaultValue, TimeSpan minimum, TimeSpan maximum) => new(name)
    {
        Description = $"{description} (default {Text(defaultValue)}, {Text(minimum)}..{Text(maximum)})",
        HelpName = "duration",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (CliDuration.Parse(text) is not { } value)
            {
                result.AddError($"{name} must be a duration such as 500ms, 30s, 5m (got '{text}')");
                return defaultValue;
            }

            if (value < minimum || value > maximum)
            {
                result.AddError($"{name} must be between {Text(minimum)} and {Text(maximum)}, got '{text}'");
            }

            return value;
        },
    };

    private static string Text(TimeSpan span) =>
        span == TimeSpan.Zero ? "0s"
        : span.TotalMilliseconds < 1000 ? $"{span.TotalMilliseconds:0}ms"
        : span.TotalSeconds < 60 ? $"{span.TotalSeconds:0.#}s"
        : span.TotalMinutes < 60 ? $"{span.TotalMinutes:0.#}m"
        : $"{span.TotalHours:0.#}h";
}
