using Pitchey.Testing.Postgres;

namespace Pitchey.Gateway.IntegrationTests.HealthProbes;

internal static class SecretAssert
{
    /// <summary>No password, no connection string fragment, no stack trace.</summary>
    public static void Clean(string body)
    {
        Assert.DoesNotContain(PostgresCluster.Password, body, StringComparison.Ordinal);
        Assert.DoesNotContain("Password=", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Host=", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Username=", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }
}
