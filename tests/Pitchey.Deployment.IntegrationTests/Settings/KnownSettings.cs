using System.Collections;
using System.Reflection;
using Pitchey.Gateway;
using Yarp.ReverseProxy.Configuration;

namespace Pitchey.Deployment.IntegrationTests.Settings;

/// <summary>
/// Every settings key the gateway reads, as patterns (<c>*</c> one segment, <c>**</c> the rest), so a
/// deployment file's <c>Section__Key</c> can be checked against it: the options classes of the product
/// assemblies (each with its <c>SectionName</c>, walked property by property), YARP's route and cluster
/// records under <c>ReverseProxy</c>, the host's own keys, and the names other branches have announced.
/// </summary>
internal sealed class KnownSettings
{
    /// <summary>
    /// Settings fixed for every branch of the current wave whose feature lands separately; once its
    /// options class is here, reflection finds the key and the entry is redundant (remove it then).
    /// </summary>
    internal static readonly string[] Announced =
    [
    ];

    /// <summary>Read by ASP.NET Core and .NET hosting rather than by an options class.</summary>
    private static readonly string[] HostKeys = ["Urls", "AllowedHosts", "Logging:**"];

    /// <summary>
    /// Environment variables with no <c>Section__Key</c> form: the OpenTelemetry SDK's (and the two the
    /// gateway's wiring reads), the hosting environment, and the image's listener defaults.
    /// </summary>
    private static readonly string[] EnvironmentOnly =
    [
        "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_EXPORTER_OTLP_HEADERS", "OTEL_SERVICE_NAME", "OTEL_RESOURCE_ATTRIBUTES",
        "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS",
    ];

    private readonly List<string[]> _patterns;

    private KnownSettings(IEnumerable<string> patterns) => _patterns = patterns.Select(p => p.Split(':')).ToList();

    public static KnownSettings Gateway { get; } = Build();

    /// <summary>A set of its own, for narrower questions (which keys are wiring, for example).</summary>
    public static KnownSettings Of(params string[] patterns) => new(patterns);

    public IReadOnlyList<string> Patterns => _patterns.Select(p => string.Join(':', p)).ToList();

    /// <summary>Whether the gateway reads <paramref name="key"/> (<c>Section:Key</c>, any case).</summary>
    public bool Knows(string key)
    {
        var segments = key.Split(':');
        return _patterns.Any(pattern => Matches(pattern, segments));
    }

    /// <summary>Whether an environment variable name means something to the gateway: <c>A__B</c> as <c>A:B</c>, or a variable read as such.</summary>
    public bool KnowsVariable(string name) =>
        EnvironmentOnly.Contains(name, StringComparer.Ordinal) || name == Pitchey.Gateway.Configuration.GatewayConfiguration.ConfigDirVariable || Knows(name.Replace("__", ":", StringComparison.Ordinal));

    private static bool Matches(string[] pattern, string[] key)
    {
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == "**")
            {
                return key.Length > i;
            }

            if (i >= key.Length || (pattern[i] != "*" && !string.Equals(pattern[i], key[i], StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }
        }

        return key.Length == pattern.Length;
    }

    private static KnownSettings Build()
    {
        var patterns = new List<string>(HostKeys.Concat(Announced));
        Assembly[] assemblies = [typeof(GatewayApp).Assembly, typeof(Pitchey.Database.DatabaseExtensions).Assembly, typeof(Pitchey.Migrations.MigrationOptions).Assembly];
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()))
        {
            if (type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field)
            {
                Walk(type, (string)field.GetRawConstantValue()!, patterns, depth: 0);
            }
        }

        Walk(typeof(RouteConfig), "ReverseProxy:Routes:*", patterns, depth: 0);
        Walk(typeof(ClusterConfig), "ReverseProxy:Clusters:*", patterns, depth: 0);
        return new KnownSettings(patterns);
    }

    /// <summary>Adds the keys the configuration binder would fill in <paramref name="type"/> under <paramref name="prefix"/>.</summary>
    private static void Walk(Type type, string prefix, List<string> patterns, int depth)
    {
        Assert.True(depth < 10, $"settings nested too deep at {prefix}");
        if (IsScalar(type))
        {
            patterns.Add(prefix);
            if (type.IsEnum && type.IsDefined(typeof(FlagsAttribute)))
            {
                patterns.Add(prefix + ":*"); // flags may be given as a list (YARP's SslProtocols)
            }

            return;
        }

        if (ElementType(type) is { } element)
        {
            Walk(element, prefix + ":*", patterns, depth + 1);
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && property.GetMethod is { IsPublic: true })
            {
                Walk(property.PropertyType, $"{prefix}:{property.Name}", patterns, depth + 1);
            }
        }
    }

    private static bool IsScalar(Type type)
    {
        var inner = Nullable.GetUnderlyingType(type) ?? type;
        return inner.IsPrimitive || inner.IsEnum || inner == typeof(string) || inner == typeof(decimal) || inner == typeof(TimeSpan)
            || inner == typeof(DateTimeOffset) || inner == typeof(DateTime) || inner == typeof(Guid) || inner == typeof(Uri) || inner == typeof(Version);
    }

    /// <summary>The value type of a dictionary or the element type of a list; null for anything else.</summary>
    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type))
        {
            return null;
        }

        var generic = type.IsInterface && type.IsGenericType ? [type, .. type.GetInterfaces()] : type.GetInterfaces();
        var dictionary = generic.FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() is var d
            && (d == typeof(IDictionary<,>) || d == typeof(IReadOnlyDictionary<,>)));
        if (dictionary is not null)
        {
            return dictionary.GetGenericArguments()[1];
        }

        return generic.FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
    }
}
