namespace Pitchey.Gateway.Configuration;

/// <summary>
/// Where settings come from, lowest precedence first: <c>appsettings.json</c>,
/// <c>appsettings.{Environment}.json</c> and <c>gateway.json</c> from the config folder (each
/// reloaded when it changes), environment variables (<c>Section__Key</c>), the command line,
/// then programmatic overrides. Public for the load-test tool, whose verbs read the same settings
/// and the same config folder: <see cref="ForVerbs"/> and <see cref="ConfigDirectory"/>.
/// </summary>
public static class GatewayConfiguration
{
    /// <summary>Environment variable naming the config folder. Default: <c>config/</c> beside the binary.</summary>
    internal const string ConfigDirVariable = "PITCHEY_CONFIG_DIR";

    internal static WebApplicationBuilder AddGatewayConfiguration(
        this WebApplicationBuilder builder, string[] args, IReadOnlyDictionary<string, string?>? overrides)
    {
        var configuration = builder.Configuration;
        configuration.Sources.Clear();
        configuration.AddGatewaySources(ResolveConfigDir(args), builder.Environment.EnvironmentName, reloadOnChange: true)
            .AddCommandLine(args);
        if (overrides is not null)
        {
            configuration.AddInMemoryCollection(overrides);
        }

        return builder;
    }

    /// <summary>
    /// The settings the one-shot verbs read: the same files and environment variables as
    /// <c>serve</c>, without reloading. <paramref name="configDir"/> is <c>--config-dir</c> if given.
    /// </summary>
    public static IConfiguration ForVerbs(string? configDir)
    {
        // As in WebApplication: ASPNETCORE_ENVIRONMENT wins over DOTNET_ENVIRONMENT.
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? "Production";
        return new ConfigurationBuilder().AddGatewaySources(ConfigDirectory(configDir), environment, reloadOnChange: false).Build();
    }

    /// <summary>
    /// The config folder a verb reads: <paramref name="configDir"/> (<c>--config-dir</c>) if given, else
    /// <see cref="ConfigDirVariable"/>, else <c>config/</c> beside the binary.
    /// </summary>
    public static string ConfigDirectory(string? configDir) => configDir is null ? ResolveConfigDir([]) : Path.GetFullPath(configDir);

    /// <summary>Command-line switch naming the config folder; wins over <see cref="ConfigDirVariable"/>.</summary>
    internal const string ConfigDirSwitch = "--config-dir";

    private static IConfigurationBuilder AddGatewaySources(
        this IConfigurationBuilder configuration, string configDir, string environment, bool reloadOnChange) =>
        configuration
            .AddJsonFile(Path.Combine(configDir, "appsettings.json"), optional: true, reloadOnChange)
            .AddJsonFile(Path.Combine(configDir, $"appsettings.{environment}.json"), optional: true, reloadOnChange)
            .AddJsonFile(Path.Combine(configDir, "gateway.json"), optional: !reloadOnChange, reloadOnChange)
            .AddEnvironmentVariables();

    /// <summary>The config folder: <c>--config-dir</c>, else <see cref="ConfigDirVariable"/>, else <c>config/</c> beside the binary.</summary>
    internal static string ResolveConfigDir(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith(ConfigDirSwitch + "=", StringComparison.Ordinal))
            {
                return Path.GetFullPath(args[i][(ConfigDirSwitch.Length + 1)..]);
            }

            if (args[i] == ConfigDirSwitch && i + 1 < args.Length)
            {
                return Path.GetFullPath(args[i + 1]);
            }
        }

        var configured = Environment.GetEnvironmentVariable(ConfigDirVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        return Path.Combine(AppContext.BaseDirectory, "config");
    }
}
