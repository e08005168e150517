namespace Pitchey.Gateway.Limits;

/// <summary>The methods HTTP defines (RFC 9110, and PATCH from RFC 5789); anything else is "unknown" (501).</summary>
internal static class HttpMethodNames
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT",
    };

    /// <summary>Method names are case-sensitive (RFC 9110 9.1): <c>get</c> is not GET.</summary>
    public static bool IsKnown(string method) => Known.Contains(method);

    /// <summary>
    /// Parses a comma-separated list (route metadata) into known methods; false naming the first
    /// entry that is not one, by its 1-based position (never by its text).
    /// </summary>
    public static bool TryParseList(string text, out string[] methods, out int badPosition)
    {
        methods = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (methods.Length == 0)
        {
            badPosition = 1;
            return false;
        }

        for (var i = 0; i < methods.Length; i++)
        {
            if (!IsKnown(methods[i]))
            {
                badPosition = i + 1;
                return false;
            }
        }

        badPosition = 0;
        return true;
    }
}
