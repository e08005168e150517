namespace Pitchey.LoadTests.Harness.Reports;

/// <summary>The formats a run writes into <c>--out DIR</c>, in order. The seam for new formats: add a writer here.</summary>
internal static class ReportWriters
{
    public static IReadOnlyList<IReportWriter> All { get; } = [new JsonReportWriter(), new HtmlReportWriter()];

    /// <summary>Writes every format into <paramref name="directory"/> (created if missing); gives the files written.</summary>
    public static async Task<IReadOnlyList<string>> WriteAllAsync(RunReport report, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var writer in All)
        {
            var path = Path.Combine(directory, writer.FileName);
            await writer.WriteAsync(report, path, cancellationToken);
            written.Add(path);
        }

        return written;
    }
}
