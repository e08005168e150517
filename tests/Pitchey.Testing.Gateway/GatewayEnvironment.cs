using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pitchey.Testing.Postgres;

namespace Pitchey.Testing.Gateway;

/// <summary>
/// A <see cref="DatabaseEnvironment"/> with what a gateway stands between: the stand-in API
/// upstream and, when the recipe says so, one shared gateway. Every gateway a test starts here
/// (<see cref="StartGatewayAsync"/>) is the shipped one, pointed at these clusters and this
/// stand-in, with the recipe's settings and services.
/// </summary>
public class GatewayEnvironment(GatewayRecipe recipe) : DatabaseEnvironment(recipe?.Database ?? throw new ArgumentNullException(nameof(recipe)))
{
    private StandInServer? _standIn;
    private GatewayServer? _gateway;

    public GatewayRecipe Recipe { get; } = recipe;

    public StandInServer StandIn => _standIn ?? throw new InvalidOperationException("the recipe has no stand-in API");

    /// <summary>The shared gateway.</summary>
    public GatewayServer Gateway => _gateway ?? throw new InvalidOperationException("the recipe has no shared gateway");

    /// <summary>Starts an environment a single test owns; dispose it with <c>await using</c>.</summary>
    public static Task<GatewayEnvironment> StartAsync(GatewayRecipe recipe) => StartAsync(new GatewayEnvironment(recipe));

    /// <summary>Settings for a gateway in front of this environment; a test may change them before <see cref="StartGatewayAsync"/>.</summary>
    public Dictionary<string, string?> GatewaySettings()
    {
        var settings = GatewayServer.BaseSettings(Primary.ConnectionString, _standIn?.Address);
        foreach (var (key, value) in DatabaseSettings())
        {
            settings[key] = value;
        }

        Recipe.Settings?.Invoke(settings);
        return settings;
    }

    /// <summary>A gateway of the test's own (dispose it), with <paramref name="settings"/> (default <see cref="GatewaySettings"/>) and the recipe's services plus <paramref name="services"/>.</summary>
    public Task<GatewayServer> StartGatewayAsync(
        Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, string[]? args = null,
        LogLevel captureLevel = LogLevel.Information) =>
        GatewayServer.StartAsync(settings ?? GatewaySettings(), collection =>
        {
            Recipe.Services?.Invoke(collection);
            services?.Invoke(collection);
        }, args, captureLevel);

    protected override async Task StartPartsAsync()
    {
        await base.StartPartsAsync();
        if (Recipe.StandIn)
        {
            _standIn = await StandInServer.StartAsync();
        }

        if (Recipe.Gateway)
        {
            _gateway = await StartGatewayAsync();
        }
    }

    protected override async Task StopPartsAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        if (_standIn is not null)
        {
            await _standIn.DisposeAsync();
        }

        await base.StopPartsAsync();
    }
}
