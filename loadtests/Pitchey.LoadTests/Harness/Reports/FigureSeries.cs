namespace Pitchey.LoadTests.Harness.Reports;

/// <summary>A series over the run: one value per point in time.</summary>
/// <param name="Name">What it is, e.g. "refused", "status 503", "gateway VmRSS".</param>
/// <param name="Unit">"count" (per second, for counts), "MB", ...</param>
/// <param name="Points">In time order.</param>
internal sealed record FigureSeries(string Name, string Unit, IReadOnlyList<FigurePoint> Points);
