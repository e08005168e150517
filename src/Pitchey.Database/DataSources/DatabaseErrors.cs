using System.Net.Sockets;
using Npgsql;

namespace Pitchey.Database.DataSources;

/// <summary>
/// The one place driver exceptions are interpreted: <see cref="Classify"/> says what kind of failure
/// it is (routing, health checks, the API endpoints and migrations all decide from it), and
/// <see cref="Describe"/> turns it into a short message that is safe to show in a health report or a
/// log: no connection string, no host password, no stack trace, no server text that could echo input.
/// </summary>
public static class DatabaseErrors
{
    /// <summary>
    /// The kind of failure, from the SQLSTATE where the server answered: class 08 and the shutdown,
    /// start-up and too-many-connections states are the host's fault, class 22 the input's, 57014 a
    /// cancelled statement; whatever Npgsql calls transient is worth another try; a driver error
    /// without a server answer (refused, reset, client timeout) is the connection's.
    /// </summary>
    public static DatabaseErrorKind Classify(Exception exception) => exception switch
    {
        PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" } => DatabaseErrorKind.Connection,
        PostgresException postgres when postgres.SqlState.StartsWith("08", StringComparison.Ordinal) => DatabaseErrorKind.Connection,
        PostgresException { SqlState: "57014" } => DatabaseErrorKind.Timeout,
        PostgresException { IsTransient: true } => DatabaseErrorKind.Transient,
        PostgresException postgres when postgres.SqlState.StartsWith("22", StringComparison.Ordinal) => DatabaseErrorKind.BadInput,
        PostgresException => DatabaseErrorKind.Other,
        NpgsqlException or TimeoutException => DatabaseErrorKind.Connection,
        _ => DatabaseErrorKind.Other,
    };

    /// <summary>Worth trying again, here or on another host: a connection failure or a transient server error.</summary>
    public static bool IsTransient(Exception exception) => Classify(exception) is DatabaseErrorKind.Connection or DatabaseErrorKind.Transient;

    /// <summary>The host is the problem (not the statement): see <see cref="DatabaseErrorKind.Connection"/>.</summary>
    public static bool IsConnectionFailure(Exception exception) => Classify(exception) == DatabaseErrorKind.Connection;

    public static string Describe(Exception exception) => exception switch
    {
        OperationCanceledException or TimeoutException => "database did not answer in time",
        PostgresException { SqlState: "28P01" or "28000" } => "database refused the credentials",
        PostgresException { SqlState: "57P03" } => "database is starting up or shutting down",
        PostgresException { SqlState: "53300" } => "database has too many connections",
        PostgresException { SqlState: "3D000" } => "database does not exist",
        PostgresException { SqlState: "42P01" } => "schema is missing (relation does not exist)",
        PostgresException postgres => $"database error {postgres.SqlState}",
        NpgsqlException { InnerException: SocketException socket } => $"database unreachable ({Describe(socket.SocketErrorCode)})",
        NpgsqlException { InnerException: TimeoutException } => "database did not answer in time",
        NpgsqlException { InnerException: IOException } => "database connection was broken",
        NpgsqlException => "database unreachable",
        _ => "database check failed",
    };

    private static string Describe(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.TimedOut => "connect timed out",
        SocketError.HostNotFound or SocketError.NoData => "host not found",
        SocketError.HostUnreachable or SocketError.NetworkUnreachable => "host unreachable",
        _ => "socket error",
    };
}
