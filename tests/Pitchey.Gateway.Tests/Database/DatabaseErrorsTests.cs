using System.Net.Sockets;
using Npgsql;
using Pitchey.Database.DataSources;

namespace Pitchey.Gateway.Tests.Database;

public sealed class DatabaseErrorsTests
{
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
    public void Describe_UnknownException_DoesNotEchoItsMessage()
    {
        var message = DatabaseErrors.Describe(new InvalidOperationException("Password=hunter2"));

        Assert.DoesNotContain("hunter2", message, StringComparison.Ordinal);
    }
}
