namespace Pitchey.LoadTests.Harness.Reports;

/// <summary>
/// Writes a finished run's report in one format into <c>--out DIR</c>. Writers get the
/// <see cref="RunReport"/> and nothing else, so every format shows the same figures. To add a
/// format, implement this and list it in <see cref="ReportWriters.All"/>.
/// </summary>
internal interface IReportWriter
{
    /// <summary>The file it writes in the folder, e.g. "report.json".</summary>
    string FileName { get; }

    Task WriteAsync(RunReport report, string path, CancellationToken cancellationToken);
}
