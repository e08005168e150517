using Pitchey.LoadTests.Harness.Watches;

namespace Pitchey.LoadTests.Tests.Harness.Watches;

/// <summary>The gateway's working set from its Prometheus exposition.</summary>
public sealed class MetricsMemoryTests
{
    [Fact]
    public void Parse_PrometheusText_TheFirstWorkingSetGaugeSummed()
    {
        const string Text = """
            # TYPE process_memory_usage_bytes gauge
            process_memory_usage_bytes 104857600
            process_memory_usage_bytes_total 1
            dotnet_process_memory_working_set_bytes{otel_scope_name="System.Runtime"} 52428800 1700000000
            """;

        Assert.Equal(52428800, MetricsMemory.Parse(Text));
        Assert.Null(MetricsMemory.Parse("http_requests_total 3\n"));
    }
}
