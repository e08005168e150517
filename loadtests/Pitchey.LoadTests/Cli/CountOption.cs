using System.CommandLine;
using System.Globalization;

namespace Pitchey.LoadTests.Cli;

/// <summary>
/// The one rule for the tool's counting options (<c>--pitches</c>, <c>--users</c>,
/// <c>--iterations</c>, ...): a whole number no smaller than the option's minimum. A value that is
/// not a number, or too small, is a parse error that names the option (exit 64).
/// </summary>
internal static class CountOption
{
    public static Option<int> Create(string name, string description, int defaultValue, int minimum) => new(name)
    {
        Description = minimum > 0 ? Invariant($"{description} (at least {minimum})") : description,
        HelpName = "N",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            // One token: System.CommandLine has already refused a missing value.
            var text = result.Tokens[0].Value;
            if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                result.AddError(Invariant($"{name} must be a whole number, got '{text}'"));
            }
            else if (value < minimum)
            {
                result.AddError(Invariant($"{name} must be at least {minimum}, got {value}"));
            }
            else if (value > int.MaxValue)
            {
                result.AddError(Invariant($"{name} must be at most {int.MaxValue}, got {value}"));
            }

            return (int)Math.Clamp(value, int.MinValue, int.MaxValue);
        },
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
