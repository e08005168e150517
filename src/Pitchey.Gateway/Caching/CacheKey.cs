using System.Text;

namespace Pitchey.Gateway.Caching;

/// <summary>
/// Cache keys: the policy, the path, the query with its parameters in name order (each name's values
/// in the order sent, every name and value exactly as sent, still percent-encoded), the values of the
/// varying request headers, and the user of a per-user entry. Reordering parameters finds the same
/// entry; any other difference (case, encoding, a repeated value) is another entry, never a merge.
/// </summary>
internal static class CacheKey
{
    public static string For(string policy, HttpRequest request, string[] varyHeaders, string? user)
    {
        var builder = new StringBuilder(128);
        builder.Append(policy).Append('\n').Append(request.Path.Value).Append('\n');
        AppendQuery(builder, request.QueryString.Value);
        builder.Append('\n');
        AppendHeaders(builder, request, varyHeaders);
        if (user is not null)
        {
            builder.Append("\nuser=").Append(user);
        }

        return builder.ToString();
    }

    /// <summary>The key of the entry a manifest points to: the base key and the request's values of the headers it names.</summary>
    public static string Variant(string baseKey, HttpRequest request, string[] varyHeaders)
    {
        var builder = new StringBuilder(baseKey, baseKey.Length + 64).Append("\nvary:");
        AppendHeaders(builder, request, varyHeaders);
        return builder.ToString();
    }

    internal static void AppendQuery(StringBuilder builder, string? query)
    {
        if (string.IsNullOrEmpty(query) || query == "?")
        {
            return;
        }

        var text = query.AsSpan(query[0] == '?' ? 1 : 0);
        var pairs = new List<(string Name, string Pair, int Index)>();
        foreach (var range in text.Split('&'))
        {
            var pair = text[range];
            if (pair.IsEmpty)
            {
                continue;
            }

            var equals = pair.IndexOf('=');
            var name = equals < 0 ? pair : pair[..equals];
            pairs.Add((name.ToString(), pair.ToString(), pairs.Count));
        }

        // Stable: a name's values keep the order they were sent in (a=1&a=2 is not a=2&a=1).
        pairs.Sort(static (a, b) =>
        {
            var byName = string.CompareOrdinal(a.Name, b.Name);
            return byName != 0 ? byName : a.Index.CompareTo(b.Index);
        });
        for (var i = 0; i < pairs.Count; i++)
        {
            builder.Append(i == 0 ? "" : "&").Append(pairs[i].Pair);
        }
    }

    private static void AppendHeaders(StringBuilder builder, HttpRequest request, string[] names)
    {
        foreach (var name in names)
        {
            builder.Append(name).Append(':');
            var values = request.Headers[name];
            for (var i = 0; i < values.Count; i++)
            {
                // Lengths first: no header value can make two different lists read alike.
                var value = values[i] ?? "";
                builder.Append(value.Length).Append('/').Append(value);
            }

            builder.Append('\n');
        }
    }
}
