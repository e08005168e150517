namespace Pitchey.LoadTests.Harness.Reports;

/// <summary>One point of a <see cref="FigureSeries"/>.</summary>
/// <param name="AtSeconds">Seconds since the measured window started; per-second counts sit at the second's start (0, 1, 2 ...).</param>
/// <param name="Value">The value then.</param>
internal sealed record FigurePoint(double AtSeconds, double Value);
