namespace Pitchey.LoadTests.Harness.Scenarios;

/// <summary>
/// <c>cache-per-user</c>: the session and the creator dashboard of up to 200 signed-in creators, each
/// with its own <c>pitchey-session</c> cookie, so the cache's per-user entries answer them once warm.
/// The tokens are read from the database (<c>--connection</c>): live sessions of active creators,
/// stored as plain tokens (a data set seeded without <c>--hashed-tokens</c>). Labels <c>session</c>
/// and <c>dashboard</c>, half the load each.
/// </summary>
internal sealed class CachePerUserScenario : IScenario
{
    public const string ScenarioName = "cache-per-user";

    private const string Tokens =
        "SELECT s.id FROM sessions s JOIN users u ON u.id = s.user_id " +
        "WHERE u.user_type = 'creator' AND u.is_active AND s.expires_at > now() + interval '1 hour' ORDER BY s.id LIMIT 200";

    public string Name => ScenarioName;

    public string Description => "the session and creator dashboard of 200 signed-in creators (tokens from --connection): per-user cache hits";

    public string? Validate(Run.RunSettings settings) => OneGatewayRules.Refuse(settings, ScenarioName);

    public async Task<ScenarioPlan> PrepareAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var database = context.Database
            ?? throw new ScenarioException($"{ScenarioName} reads session tokens from the database: give --connection or a --config-dir with Database:Primary");
        var tokens = new List<string>();
        await using (var command = database.CreateCommand(Tokens))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                tokens.Add(reader.GetString(0));
            }
        }

        if (tokens.Count == 0)
        {
            throw new ScenarioException($"{ScenarioName}: the database has no live session of an active creator (seed it first)");
        }

        var requests = new List<ScenarioRequest>();
        foreach (var token in tokens)
        {
            KeyValuePair<string, string>[] cookie = [new("Cookie", "pitchey-session=" + token)];
            requests.Add(new ScenarioRequest("session", 1.0 / tokens.Count, new HttpRequestTemplate("GET", "/api/auth/session", cookie)));
            requests.Add(new ScenarioRequest("dashboard", 1.0 / tokens.Count, new HttpRequestTemplate("GET", "/api/creator/dashboard", cookie)));
        }

        return new ScenarioPlan(requests, [], []);
    }
}
