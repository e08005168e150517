namespace Pitchey.Gateway.Configuration;

/// <summary>
/// Where settings come from, lowest precedence first: <c>appsettings.json</c>,
/// <c>appsettings.{Environment}.json</c> and <c>gateway.json</c> from the config folder (each
/// reloaded when it changes), environment variables (<c>Section__Key</c>), the command line,
/// then programmatic overrides.
/// </summary>
internal static class GatewayConfiguration
{
    /// <summary>Environment variable naming the config folder. Default: <c>config/</c> beside the binary.</summary>
    public const string ConfigDirVariable = "PITCHEY_CONFIG_DIR";

    public static WebApplicationBuilder AddGatewayConfiguration(
        this WebApplicationBuilder builder, string[] args, IReadOnlyDictionary<string, string?>? overrides)
    {
        var configDir = ResolveConfigDir(args);
        var configuration = builder.Configuration;
        configuration.Sources.Clear();
        configuration
            .AddJsonFile(Path.Combine(configDir, "appsettings.json"), optional: true, reloadOnChange: true)
            .AddJsonFile(Path.Combine(configDir, $"appsettings.{builder.Environment.EnvironmentName}.json"), optional: true, reloadOnChange: true)
            .AddJsonFile(Path.Combine(configDir, "gateway.json"), optional: false, reloadOnChange: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args);
        if (overrides is not null)
        {
            configuration.AddInMemoryCollection(overrides);
        }

        return builder;
    }

    /// <summary>Command-line switch naming the config folder; wins over <see cref="ConfigDirVariable"/>.</summary>
    public const string ConfigDirSwitch = "--config-dir";

    private static string ResolveConfigDir(string[] args)
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
