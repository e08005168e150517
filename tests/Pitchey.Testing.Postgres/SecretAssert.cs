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

    /// <summary>
    /// No password, connection string fragment or other secret in any log line. Stack traces are
    /// allowed there: the log is where they belong.
    /// </summary>
    public static void LogClean(IEnumerable<string> lines, IEnumerable<string>? secrets = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var forbidden = new List<string> { PostgresCluster.Password, "Password=", "Username=" };
        forbidden.AddRange(secrets ?? []);
        foreach (var line in lines)
        {
            foreach (var secret in forbidden)
            {
                if (line.Contains(secret, StringComparison.OrdinalIgnoreCase))
                {
                    Assert.Fail($"A log line carries a secret (its first 60 characters: {line[..Math.Min(60, line.Length)].Replace(secret, "***", StringComparison.OrdinalIgnoreCase)})");
                }
            }
        }
    }
}
