namespace Pitchey.Gateway.Configuration;

/// <summary>Wiring for the settings <c>serve</c> reads.</summary>
internal static class GatewayConfigurationExtensions
{
    /// <summary>
    /// Replaces the default sources with <see cref="GatewayConfiguration"/>'s (each file reloaded when
    /// it changes), then the command line, then <paramref name="overrides"/> (highest precedence).
    /// </summary>
    public static WebApplicationBuilder AddGatewayConfiguration(
        this WebApplicationBuilder builder, string[] args, IReadOnlyDictionary<string, string?>? overrides)
    {
        var configuration = builder.Configuration;
        configuration.Sources.Clear();
        configuration.AddGatewaySources(GatewayConfiguration.ResolveConfigDir(args), builder.Environment.EnvironmentName, reloadOnChange: true)
            .AddCommandLine(args);
        if (overrides is not null)
        {
            configuration.AddInMemoryCollection(overrides);
        }

        return builder;
    }
}
