namespace Pitchey.Database.SlowQueries;

/// <summary>One statement a routed read ran: its text as written (the gateway's own, with $n parameters) and its parameters' shapes.</summary>
public sealed record TracedStatement(string Sql, IReadOnlyList<ParameterShape> Parameters);
