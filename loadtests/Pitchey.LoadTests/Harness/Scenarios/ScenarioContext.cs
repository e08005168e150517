using Npgsql;
using Pitchey.LoadTests.Harness.Run;

namespace Pitchey.LoadTests.Harness.Scenarios;

/// <summary>What a scenario may use to prepare: the settings, an HTTP client for control calls (never for load), the database if one is configured, the event log.</summary>
/// <param name="Settings">The command line.</param>
/// <param name="Control">For control calls (switches, stats); its requests are not measured.</param>
/// <param name="Database">--connection or Database:Primary; null when none is configured.</param>
/// <param name="Events">Where actions and observations are logged.</param>
/// <param name="Management">A client of the gateway's management listener (--management) that sends its key; null when none was given.</param>
internal sealed record ScenarioContext(RunSettings Settings, HttpClient Control, NpgsqlDataSource? Database, RunEvents Events, HttpClient? Management = null);
