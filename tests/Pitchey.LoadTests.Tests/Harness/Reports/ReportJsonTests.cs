using System.Text.Json;
using Pitchey.LoadTests.Harness.Reports;

namespace Pitchey.LoadTests.Tests.Harness.Reports;

/// <summary>report.json: camelCase names a reader can rely on, and a round trip that keeps every figure (what --baseline reads).</summary>
public sealed class ReportJsonTests
{
    [Fact]
    public void Serialize_ThenDeserialize_SameFigures()
    {
        var report = SampleReports.Run(
            SampleReports.Target(SampleReports.Series(p99Us: 1234), SampleReports.Series("ready")),
            new ThresholdReport("p99<5ms", null, "p99", "<", 5000, "us", 1234, true));

        var json = JsonSerializer.Serialize(report, ReportJson.Default.RunReport);
        var back = JsonSerializer.Deserialize(json, ReportJson.Default.RunReport)!;

        using var document = JsonDocument.Parse(json);
        var total = document.RootElement.GetProperty("targets")[0].GetProperty("total");
        Assert.Equal(1234, total.GetProperty("corrected").GetProperty("p99Us").GetInt64());
        Assert.Equal(JsonValueKind.Array, total.GetProperty("corrected").GetProperty("distribution").ValueKind);
        Assert.Equal(1, document.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(1234, back.Main.Total.Corrected.P99Us);
        Assert.Equal("ready", back.Main.Labels[0].Label);
        Assert.Equal(report.Thresholds, back.Thresholds);
        Assert.Equal(report.Settings.Thresholds, back.Settings.Thresholds);
    }
}
