using System.Net.Sockets;
using Npgsql;

namespace Pitchey.Database.DataSources;

/// <summary>
/// Turns driver exceptions into short messages that are safe to show in a health report or a
/// log: no connection string, no host password, no stack trace, no server text that could echo input.
/// </summary>
public static class DatabaseErrors
{
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
