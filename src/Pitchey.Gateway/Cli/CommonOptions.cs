using System.CommandLine;

namespace Pitchey.Gateway.Cli;

/// <summary>
/// Options several verbs share, each defined once. Public: the load-test tool's verbs take the same
/// <c>--connection</c> and <c>--config-dir</c> as <c>migrate</c>.
/// </summary>
public static class CommonOptions
{
    /// <summary><c>--connection "&lt;npgsql&gt;"</c>: overrides <c>Database:Primary</c>; never printed; refused with a password in it.</summary>
    public static Option<string?> Connection { get; } = new("--connection")
    {
        Description = "Npgsql connection string of the database, without a password (that comes from PGPASSWORD or .pgpass; default: Database:Primary from the gateway's settings or environment; never printed)",
        HelpName = "npgsql",
    };

    /// <summary><c>--config-dir &lt;dir&gt;</c>: the settings folder, as for <c>serve</c>.</summary>
    public static Option<string?> ConfigDir { get; } = new(Configuration.GatewayConfiguration.ConfigDirSwitch)
    {
        Description = "settings folder (default: config/ beside the binary, or PITCHEY_CONFIG_DIR)",
        HelpName = "dir",
    };
}
