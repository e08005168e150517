using System.CommandLine;
using System.Globalization;

namespace Pitchey.LoadTests.Cli;

/// <summary>
/// The one rule for the tool's counting options (<c>--pitches</c>, <c>--users</c>,
/// <c>--iterations</c>, <c>--rate</c>, ...): a whole number between the option's minimum and maximum.
/// A value that is not a number, or out of range, is a parse error that names the option (exit 64).
/// </summary>
internal static class CountOption
{
    public static Option<int> Create(string name, string description, int defaultValue, int minimum, int maximum = int.MaxValue) => new(name)
    {
        Description = maximum < int.MaxValue ? Invariant($"{description} ({minimum}..{maximum})")
            : minimum > 0 ? Invariant($"{description} (at least {minimum})") : description,
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
            else if (value > maximum)
            {
                result.AddError(Invariant($"{name} must be at most {maximum}, got {value}"));
            }

            return (int)Math.Clamp(value, int.MinValue, int.MaxValue);
        },
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
