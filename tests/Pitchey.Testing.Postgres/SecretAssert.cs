namespace Pitchey.Testing.Postgres;

/// <summary>What no answer, log line or tool output may carry.</summary>
public static class SecretAssert
{
    /// <summary>No password, no connection string fragment, no stack trace.</summary>
    public static void Clean(string text)
    {
        Assert.DoesNotContain(PostgresCluster.Password, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Password=", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Host=", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Username=", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }
}
