using Npgsql;

namespace Pitchey.Database.SlowQueries;

/// <summary>
/// The statements of the routed read in progress, so a slow one can be reported with its SQL. The
/// router starts a trace per read (an async-local, so it follows the read into the query's code and
/// no further); a query notes each command just before it runs it. Only shapes are kept, never a
/// parameter's value. Outside a routed read <see cref="Record(NpgsqlCommand)"/> does nothing.
/// </summary>
public sealed class StatementTrace
{
    /// <summary>Statements kept per read; a read runs one to three.</summary>
    public const int MaxStatements = 8;

    private static readonly AsyncLocal<StatementTrace?> CurrentTrace = new();

    private readonly List<TracedStatement> _statements = new(2);

    private StatementTrace(string? origin) => Origin = origin;

    /// <summary>What issued the read (the HTTP route, from <see cref="QueryOrigin"/>), or null for background work.</summary>
    public string? Origin { get; }

    public IReadOnlyList<TracedStatement> Statements => _statements;

    /// <summary>
    /// Starts the trace of a read. Call it inside the async method that runs the read: the value
    /// reverts when that method returns, so traces of concurrent reads never mix.
    /// </summary>
    internal static StatementTrace Begin()
    {
        var trace = new StatementTrace(QueryOrigin.Current);
        CurrentTrace.Value = trace;
        return trace;
    }

    /// <summary>Notes a command about to run in the current read (its text and parameter shapes).</summary>
    public static void Record(NpgsqlCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        CurrentTrace.Value?.Add(command.CommandText, command.Parameters);
    }

    /// <summary>Notes one command of a batch about to run in the current read (a batch whose other commands are not worth reporting).</summary>
    public static void Record(NpgsqlBatchCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        CurrentTrace.Value?.Add(command.CommandText, command.Parameters);
    }

    /// <summary>Notes every command of a batch about to run in the current read.</summary>
    public static void Record(NpgsqlBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (CurrentTrace.Value is { } trace)
        {
            foreach (NpgsqlBatchCommand command in batch.BatchCommands)
            {
                trace.Add(command.CommandText, command.Parameters);
            }
        }
    }

    private void Add(string sql, NpgsqlParameterCollection parameters)
    {
        lock (_statements)
        {
            if (_statements.Count >= MaxStatements)
            {
                return;
            }

            var shapes = new ParameterShape[parameters.Count];
            for (var i = 0; i < shapes.Length; i++)
            {
                shapes[i] = ParameterShape.Of(parameters[i], i + 1);
            }

            _statements.Add(new TracedStatement(sql, shapes));
        }
    }
}
