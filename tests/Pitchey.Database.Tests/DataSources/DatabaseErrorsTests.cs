using System.Net.Sockets;
using Npgsql;
using Pitchey.Database.DataSources;

namespace Pitchey.Database.Tests.DataSources;

public sealed class DatabaseErrorsTests
{
    [Theory]
    [InlineData("57P01", DatabaseErrorKind.Connection)] // admin shutdown
    [InlineData("57P02", DatabaseErrorKind.Connection)] // crash shutdown
    [InlineData("57P03", DatabaseErrorKind.Connection)] // cannot connect now (starting up)
    [InlineData("53300", DatabaseErrorKind.Connection)] // too many connections
    [InlineData("08006", DatabaseErrorKind.Connection)] // connection failure
    [InlineData("08P01", DatabaseErrorKind.Connection)] // protocol violation
    [InlineData("57014", DatabaseErrorKind.Timeout)] // query cancelled
    [InlineData("40001", DatabaseErrorKind.Transient)] // serialization failure
    [InlineData("40P01", DatabaseErrorKind.Transient)] // deadlock
    [InlineData("55P03", DatabaseErrorKind.Transient)] // lock not available
    [InlineData("53200", DatabaseErrorKind.Transient)] // out of memory
    [InlineData("22021", DatabaseErrorKind.BadInput)] // invalid byte sequence (a NUL in text)
    [InlineData("22P02", DatabaseErrorKind.BadInput)] // invalid text representation
    [InlineData("23505", DatabaseErrorKind.Other)] // unique violation
    [InlineData("42P01", DatabaseErrorKind.Other)] // undefined table
    public void Classify_ServerError_FollowsItsSqlState(string sqlState, DatabaseErrorKind expected)
    {
        var exception = new PostgresException("text that may echo input", "ERROR", "ERROR", sqlState);

        Assert.Equal(expected, DatabaseErrors.Classify(exception));
    }

    [Fact]
    public void Classify_DriverErrorsWithoutAServerAnswer_AreTheConnections()
    {
        Assert.Equal(DatabaseErrorKind.Connection, DatabaseErrors.Classify(new NpgsqlException("refused", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.Equal(DatabaseErrorKind.Connection, DatabaseErrors.Classify(new NpgsqlException("broken", new IOException())));
        Assert.Equal(DatabaseErrorKind.Connection, DatabaseErrors.Classify(new TimeoutException()));
    }

    [Fact]
    public void Classify_AnythingElse_IsOther()
    {
        Assert.Equal(DatabaseErrorKind.Other, DatabaseErrors.Classify(new InvalidOperationException()));
        Assert.Equal(DatabaseErrorKind.Other, DatabaseErrors.Classify(new OperationCanceledException()));
    }

    [Theory]
    [InlineData("08006", true, true)]
    [InlineData("40001", true, false)]
    [InlineData("57014", false, false)]
    [InlineData("22P02", false, false)]
    [InlineData("23505", false, false)]
    public void IsTransientAndIsConnectionFailure_FollowClassify(string sqlState, bool transient, bool connection)
    {
        var exception = new PostgresException("m", "ERROR", "ERROR", sqlState);

        Assert.Equal(transient, DatabaseErrors.IsTransient(exception));
        Assert.Equal(connection, DatabaseErrors.IsConnectionFailure(exception));
    }

    [Fact]
    public void Describe_ConnectionRefused_SaysSoWithoutTheDriverText()
    {
        var exception = new NpgsqlException("Failed to connect to 10.1.2.3:5432 Password=hunter2", new SocketException((int)SocketError.ConnectionRefused));

        var message = DatabaseErrors.Describe(exception);

        Assert.Equal("database unreachable (connection refused)", message);
    }

    [Fact]
    public void Describe_Timeout_IsAShortMessage()
    {
        Assert.Equal("database did not answer in time", DatabaseErrors.Describe(new TimeoutException("Host=secret")));
        Assert.Equal("database did not answer in time", DatabaseErrors.Describe(new OperationCanceledException()));
    }

    [Fact]
    public void Describe_ServerError_NamesTheStateNeverTheText()
    {
        var message = DatabaseErrors.Describe(new PostgresException("value 'hunter2' is invalid", "ERROR", "ERROR", "22P02"));

        Assert.Equal("database error 22P02", message);
    }

    [Fact]
    public void Describe_UnknownException_DoesNotEchoItsMessage()
    {
        var message = DatabaseErrors.Describe(new InvalidOperationException("Password=hunter2"));

        Assert.DoesNotContain("hunter2", message, StringComparison.Ordinal);
    }
}
