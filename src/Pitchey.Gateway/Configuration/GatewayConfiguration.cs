namespace Pitchey.Gateway.Configuration;

/// <summary>
/// Where settings come from, lowest precedence first: <c>appsettings.json</c>,
/// <c>appsettings.{Environment}.json</c> and <c>gateway.json</c> from the config folder,
/// environment variables (<c>Section__Key</c>); <c>serve</c> adds the command line and
/// programmatic overrides on top (<see cref="GatewayConfigurationExtensions"/>).
/// </summary>
public static class GatewayConfiguration
{
    /// <summary>Environment variable naming the config folder. Default: <c>config/</c> beside the binary.</summary>
    internal const string ConfigDirVariable = "PITCHEY_CONFIG_DIR";

    /// <summary>Command-line switch naming the config folder; wins over <see cref="ConfigDirVariable"/>.</summary>
    public const string ConfigDirSwitch = "--config-dir";

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

    /// <summary>The files (each reloaded when it changes, if asked) and the environment variables.</summary>
    internal static IConfigurationBuilder AddGatewaySources(
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
