namespace Pitchey.LoadTests.Harness.Reports;

/// <summary>One figure of a scenario's own.</summary>
/// <param name="Name">What it is, e.g. "rejections", "time to recover".</param>
/// <param name="Value">Its value; null when it could not be measured (see <paramref name="Note"/>), e.g. no recovery inside the window.</param>
/// <param name="Unit">"count", "s", "ms", "MB", "ratio", "requests/query".</param>
/// <param name="Note">How it was measured or why it is missing; null when nothing to say.</param>
internal sealed record FigureValue(string Name, double? Value, string Unit, string? Note = null);
