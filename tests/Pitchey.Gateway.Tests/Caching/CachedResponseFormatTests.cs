using Microsoft.Extensions.Primitives;
using Pitchey.Gateway.Caching;

namespace Pitchey.Gateway.Tests.Caching;

public sealed class CachedResponseFormatTests
{
    private static readonly DateTimeOffset Created = new(2025, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);

    [Fact]
    public void Read_OfWrite_GivesTheSameEntry()
    {
        var entry = new CachedResponse
        {
            StatusCode = 200,
            Headers = [new("Content-Type", "application/json"), new("Vary", new StringValues(["Accept-Language", "Origin"]))],
            Body = "{\"success\":true}"u8.ToArray(),
            Created = Created,
            FreshUntil = Created.AddMinutes(3),
            RevalidateUntil = Created.AddMinutes(4),
            ErrorUntil = Created.AddHours(1),
            Tags = ["pitches"],
            VaryHeaders = ["accept-language", "origin"],
        };

        var read = CachedResponseFormat.Read(CachedResponseFormat.Write(entry));

        Assert.NotNull(read);
        Assert.Equal(entry.StatusCode, read.StatusCode);
        Assert.Equal(entry.Body, read.Body);
        Assert.Equal(entry.Headers.Select(h => (h.Key, h.Value.ToString())), read.Headers.Select(h => (h.Key, h.Value.ToString())));
        Assert.Equal((entry.Created, entry.FreshUntil, entry.RevalidateUntil, entry.ErrorUntil), (read.Created, read.FreshUntil, read.RevalidateUntil, read.ErrorUntil));
        Assert.Equal(entry.Tags, read.Tags);
        Assert.Equal(entry.VaryHeaders, read.VaryHeaders);
        Assert.False(read.IsManifest);
    }

    [Fact]
    public void Read_OfAnotherVersionOrTruncatedBytes_IsAMiss()
    {
        var bytes = CachedResponseFormat.Write(new CachedResponse
        {
            StatusCode = 200, Headers = [], Body = new byte[100], Created = Created, FreshUntil = Created, RevalidateUntil = Created,
            ErrorUntil = Created, Tags = [], IsManifest = true,
        });

        Assert.True(CachedResponseFormat.Read(bytes)!.IsManifest);
        Assert.Null(CachedResponseFormat.Read(bytes[..^10]));
        bytes[0] = 99;
        Assert.Null(CachedResponseFormat.Read(bytes));
        Assert.Null(CachedResponseFormat.Read([]));
    }

    [Fact]
    public void FreshnessAt_MovesThroughItsWindows()
    {
        var entry = new CachedResponse
        {
            StatusCode = 200, Headers = [], Body = [], Created = Created, FreshUntil = Created.AddSeconds(10),
            RevalidateUntil = Created.AddSeconds(20), ErrorUntil = Created.AddSeconds(30), Tags = [],
        };

        Assert.Equal(CacheFreshness.Fresh, entry.FreshnessAt(Created.AddSeconds(9)));
        Assert.Equal(CacheFreshness.Revalidate, entry.FreshnessAt(Created.AddSeconds(10)));
        Assert.Equal(CacheFreshness.OnErrorOnly, entry.FreshnessAt(Created.AddSeconds(25)));
        Assert.Equal(CacheFreshness.Dead, entry.FreshnessAt(Created.AddSeconds(30)));
        Assert.Equal(Created.AddSeconds(30), entry.Horizon);
        Assert.Equal(25, entry.AgeSeconds(Created.AddSeconds(25.9)));
    }
}
