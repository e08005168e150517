using System.Collections.Frozen;
using System.Text;
using Pitchey.Database.DataSources;

namespace Pitchey.Gateway.Diagnostics;

/// <summary>
/// Npgsql's pool metrics are process-wide and name each pool after its data source, or, for a pool
/// without a name, after its connection string (password removed, host and user still there). The
/// gateway's own pools are named (<c>primary</c>, <c>replica1</c>, ...: <see cref="DatabaseHost.PoolName"/>);
/// this filter drops every other pool's series from the <c>/metrics</c> answer, so no connection
/// string is ever scraped, whatever else shares the process. Scrapes are rare and small: buffering one costs nothing that matters.
/// </summary>
internal sealed class ForeignPoolFilter
{
    private const string PoolLabel = "db_client_connection_pool_name=\"";

    private readonly FrozenDictionary<string, string> _pools;

    public ForeignPoolFilter(DatabaseHosts hosts)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        _pools = hosts.Replicas.Append(hosts.Primary).ToFrozenDictionary(h => h.PoolName, h => h.Name, StringComparer.Ordinal);
    }

    /// <summary>The host whose pool <paramref name="poolName"/> is, or null when it is not one of this gateway's pools.</summary>
    public string? HostOf(string? poolName) => poolName is not null && _pools.TryGetValue(poolName, out var host) ? host : null;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        // The filter reads the exposition as text: the exporter must not gzip it.
        context.Request.Headers.AcceptEncoding = default;
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var text = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        var kept = new StringBuilder(text.Length);
        foreach (var line in text.Split('\n'))
        {
            if (kept.Length > 0 || line.Length > 0)
            {
                if (!IsForeign(line))
                {
                    kept.Append(line).Append('\n');
                }
            }
        }

        var body = Encoding.UTF8.GetBytes(kept.ToString().TrimEnd('\n') + (text.EndsWith('\n') ? "\n" : ""));
        context.Response.ContentLength = body.Length;
        await original.WriteAsync(body, context.RequestAborted);
    }

    private bool IsForeign(string line)
    {
        var at = line.IndexOf(PoolLabel, StringComparison.Ordinal);
        if (at < 0 || line.StartsWith('#'))
        {
            return false;
        }

        var start = at + PoolLabel.Length;
        var end = line.IndexOf('"', start);
        return end < 0 || !_pools.ContainsKey(line[start..end]);
    }
}
