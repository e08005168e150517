using System.Globalization;

namespace Pitchey.Deployment.IntegrationTests.Files;

/// <summary>A host and port named in a setting: a URL (<c>http://redis:6379/</c>), <c>host:port</c>, or an Npgsql connection string.</summary>
internal sealed record Endpoint(string Host, int Port)
{
    public static Endpoint FromUrl(string url)
    {
        // Kestrel's wildcard hosts are not valid URI hosts.
        var uri = new Uri(url.Replace("://+:", "://0.0.0.0:", StringComparison.Ordinal).Replace("://*:", "://0.0.0.0:", StringComparison.Ordinal));
        return new(uri.Host, uri.Port);
    }

    public static Endpoint FromHostPort(string value)
    {
        var first = value.Split(',')[0]; // a StackExchange.Redis configuration: endpoints, then options
        var colon = first.LastIndexOf(':');
        Assert.True(colon > 0, $"'{value}' is not host:port");
        return new(first[..colon], int.Parse(first[(colon + 1)..], CultureInfo.InvariantCulture));
    }

    public static Endpoint FromConnectionString(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        return new(builder.Host ?? "", builder.Port);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}");
}
