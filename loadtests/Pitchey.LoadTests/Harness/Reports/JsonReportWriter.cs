using System.Text.Json;

namespace Pitchey.LoadTests.Harness.Reports;

/// <summary><c>report.json</c>: the whole <see cref="RunReport"/>, every figure; what <c>--baseline</c> reads back.</summary>
internal sealed class JsonReportWriter : IReportWriter
{
    public const string Name = "report.json";

    public string FileName => Name;

    public async Task WriteAsync(RunReport report, string path, CancellationToken cancellationToken)
    {
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, report, ReportJson.Default.RunReport, cancellationToken);
    }

    /// <summary>Reads a report written by <see cref="WriteAsync"/> (a baseline).</summary>
    public static async Task<RunReport?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync(file, ReportJson.Default.RunReport, cancellationToken);
    }
}
