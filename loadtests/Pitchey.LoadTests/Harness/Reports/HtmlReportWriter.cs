using System.Text;
using System.Text.Json;

namespace Pitchey.LoadTests.Harness.Reports;

/// <summary>
/// <c>report.html</c>: one self-contained page with the run's tables and charts, for machines without
/// internet (no CDN, no library, no request of any kind). The report goes in as the JSON of
/// <c>report.json</c>, inside <c>&lt;script type="application/json"&gt;</c>, with every <c>&lt;</c>,
/// <c>&gt;</c> and <c>&amp;</c> written as a <c>\u003c</c>-style escape: JSON allows those characters only
/// inside strings, where the escape means the same, so no value (a label, a note, an event's detail)
/// can close the element or open a tag. The page's own script reads it with <c>JSON.parse</c> and puts
/// every string into the page as text, never as HTML (<see cref="HtmlReportPage"/>).
/// </summary>
internal sealed class HtmlReportWriter : IReportWriter
{
    public const string Name = "report.html";

    /// <summary>The id of the element that holds the report's JSON.</summary>
    public const string DataElementId = "report-data";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public string FileName => Name;

    public Task WriteAsync(RunReport report, string path, CancellationToken cancellationToken) =>
        File.WriteAllTextAsync(path, Render(report), Utf8, cancellationToken);

    /// <summary>The whole document.</summary>
    public static string Render(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return string.Concat(HtmlReportPage.BeforeData, EmbeddedJson(report), HtmlReportPage.AfterData);
    }

    /// <summary>The report's JSON (the same as report.json) made safe inside a script element.</summary>
    public static string EmbeddedJson(RunReport report) =>
        EscapeForScriptElement(JsonSerializer.Serialize(report, ReportJson.Default.RunReport));

    /// <summary>
    /// Writes <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> as JSON escapes, whichever encoder wrote the JSON
    /// (the default one escapes them already; a relaxed one would not, and this must not depend on it).
    /// </summary>
    public static string EscapeForScriptElement(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var escaped = new StringBuilder(json.Length + 64);
        foreach (var character in json)
        {
            _ = character switch
            {
                '<' => escaped.Append("\\u003c"),
                '>' => escaped.Append("\\u003e"),
                '&' => escaped.Append("\\u0026"),
                _ => escaped.Append(character),
            };
        }

        return escaped.ToString();
    }
}
