using System.Globalization;

namespace Pitchey.Gateway.Limits;

/// <summary>
/// One YARP route's limits: its metadata (<c>MaxRequestBodySize</c>, <c>AllowedMethods</c>) over the
/// <c>Limits</c> defaults. Parsed once per route configuration (see <see cref="RouteLimitsCache"/>).
/// </summary>
internal sealed record RouteLimits(long MaxRequestBodySize, HashSet<string> Methods, string AllowHeader)
{
    public static RouteLimits Defaults(LimitsOptions options) => Create(options.MaxRequestBodySize, options.AllowedMethodsOrDefault());

    /// <summary>
    /// The route's limits; <paramref name="problem"/> names the metadata key that did not parse (its
    /// default is used instead). Start-up refuses such a route (<c>ProxyRouteSettingsValidator</c>), so
    /// this only happens after a reload.
    /// </summary>
    public static RouteLimits For(IReadOnlyDictionary<string, string>? metadata, LimitsOptions options, out string? problem)
    {
        problem = null;
        var size = options.MaxRequestBodySize;
        IReadOnlyList<string> methods = options.AllowedMethodsOrDefault();
        if (metadata is null)
        {
            return Create(size, methods);
        }

        if (metadata.TryGetValue(LimitsConstants.MaxRequestBodySizeMetadata, out var sizeText))
        {
            if (TryParseSize(sizeText, out var parsed))
            {
                size = parsed;
            }
            else
            {
                problem = LimitsConstants.MaxRequestBodySizeMetadata;
            }
        }

        if (metadata.TryGetValue(LimitsConstants.AllowedMethodsMetadata, out var methodsText))
        {
            if (HttpMethodNames.TryParseList(methodsText, out var parsed, out _))
            {
                methods = parsed;
            }
            else
            {
                problem = LimitsConstants.AllowedMethodsMetadata;
            }
        }

        return Create(size, methods);
    }

    public static bool TryParseSize(string? text, out long size) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out size) && size <= LimitsConstants.MaxMaxRequestBodySize;

    private static RouteLimits Create(long size, IReadOnlyList<string> methods) =>
        new(size, new HashSet<string>(methods, StringComparer.Ordinal), string.Join(", ", methods));
}
