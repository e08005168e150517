using Npgsql;
using Pitchey.Database.DataSources;
using Pitchey.Gateway.Cli;

namespace Pitchey.LoadTests.Harness.Scenarios;

/// <summary>Prepares <see cref="TunedReads"/> for a scenario: parameters from the database, cursors from the target, and why a label is missing.</summary>
internal static class TunedReadsPlan
{
    /// <param name="labels">The labels wanted (a subset of <see cref="TunedReads.Shares"/>).</param>
    /// <param name="scenario">Names the scenario in messages.</param>
    /// <param name="databaseRequired">Without a database the scenario cannot run (hot-reads); otherwise only unfiltered browse and the stats are sent.</param>
    public static async Task<(IReadOnlyList<ScenarioRequest> Requests, IReadOnlyList<string> Notes)> PrepareAsync(
        ScenarioContext context, IReadOnlyCollection<string> labels, string scenario, bool databaseRequired, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var notes = new List<string>();
        HotReadsParameters parameters;
        if (context.Database is { } database)
        {
            try
            {
                parameters = await HotReadsParameters.LoadAsync(database, context.Settings.TokensFile, context.Settings.Seed, cancellationToken);
            }
            catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
            {
                throw new ScenarioException($"{scenario}: the database could not be read for its parameters: {DatabaseErrors.Describe(exception)}", ExitCodes.Unavailable);
            }
        }
        else if (databaseRequired)
        {
            throw new ScenarioException(
                $"{scenario} draws its parameters from the database (genres, title words, whose session tokens): give --connection or a --config-dir with Database:Primary");
        }
        else
        {
            parameters = new HotReadsParameters([], [], [], [], [], [], 0);
            notes.Add("no database given: browse without filters and the stats only (--connection draws genres, words and tokens from it)");
        }

        if (parameters.UnknownTokens > 0)
        {
            notes.Add($"{parameters.UnknownTokens} token(s) of --tokens-file have no live session and are not sent");
        }

        var cursors = labels.Contains(TunedReads.Browse)
            ? await TunedReads.CursorsAsync(context.Control, context.Settings.Target, TunedReads.BrowseQueries(parameters).Select(query => query.Query), cancellationToken)
            : new Dictionary<string, string>();
        if (labels.Contains(TunedReads.Browse) && cursors.Count == 0)
        {
            notes.Add("browse: the target gave no cursor (not a gateway, or too few pitches): offsets only");
        }

        notes.AddRange(TunedReads.Missing(parameters, labels));
        var requests = TunedReads.Requests(parameters, cursors, labels);
        if (requests.Count == 0)
        {
            throw new ScenarioException($"{scenario}: nothing to send ({string.Join("; ", notes)})", ExitCodes.DataError);
        }

        return (requests, notes);
    }
}
