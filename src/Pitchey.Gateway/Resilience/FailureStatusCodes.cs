using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Pitchey.Gateway.Resilience;

/// <summary>Parses <c>5xx,408</c> into a lookup indexed by status code.</summary>
internal static class FailureStatusCodes
{
    /// <param name="text">Comma-separated codes (100..599) or classes (<c>1xx</c>..<c>5xx</c>).</param>
    /// <param name="table">600 flags, true where the code counts as a failure.</param>
    /// <param name="problem">
    /// When false: the rest of a sentence that starts with the key, naming the bad entry by its
    /// position (1 = before the first comma), never by its text.
    /// </param>
    public static bool TryParse(string text, out bool[] table, [NotNullWhen(false)] out string? problem)
    {
        table = new bool[600];
        problem = null;
        var entries = text.Split(',', StringSplitOptions.TrimEntries);
        for (var position = 1; position <= entries.Length; position++)
        {
            var raw = entries[position - 1];
            if (raw.Length == 0)
            {
                continue;
            }

            if (raw.Length == 3 && raw[0] is >= '1' and <= '5' && raw.EndsWith("xx", StringComparison.OrdinalIgnoreCase))
            {
                var start = (raw[0] - '0') * 100;
                Array.Fill(table, true, start, 100);
            }
            else if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is >= 100 and <= 599)
            {
                table[code] = true;
            }
            else
            {
                problem = $"has entry {position.ToString(CultureInfo.InvariantCulture)}, which is neither a status code (100..599) nor a class such as 5xx.";
                return false;
            }
        }

        return true;
    }
}
