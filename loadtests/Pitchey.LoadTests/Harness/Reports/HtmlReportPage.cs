using System.Security.Cryptography;
using System.Text;

namespace Pitchey.LoadTests.Harness.Reports;

/// <summary>
/// The fixed parts of <c>report.html</c>, put together once from the files in <c>Html/</c> (embedded in
/// the assembly: no build step, nothing fetched): the page, its style and its scripts inline, and a
/// Content-Security-Policy that allows exactly those scripts and that style (by their SHA-256) and
/// nothing else: no other script, no inline handler, no request to anywhere. Only the report's JSON
/// goes between <see cref="BeforeData"/> and <see cref="AfterData"/>; it is never part of a template
/// that is filled in afterwards, so a value in it cannot be mistaken for a placeholder.
/// </summary>
internal static class HtmlReportPage
{
    /// <summary>The page's scripts, in order; they share one element (one hash).</summary>
    public static readonly IReadOnlyList<string> Scripts = ["format.js", "charts.js", "views.js", "tables.js", "summary.js", "report.js"];

    private const string DataPlaceholder = "{{data}}";

    static HtmlReportPage()
    {
        var style = Asset("report.css");
        var guard = Asset("guard.js");
        var script = string.Join('\n', Scripts.Select(Asset));
        var policy = $"default-src 'none'; script-src {Hash(guard)} {Hash(script)}; style-src {Hash(style)}; base-uri 'none'; form-action 'none'";
        var page = Asset("report.html")
            .Replace("{{csp}}", policy, StringComparison.Ordinal)
            .Replace("{{style}}", style, StringComparison.Ordinal)
            .Replace("{{guard}}", guard, StringComparison.Ordinal)
            .Replace("{{script}}", script, StringComparison.Ordinal);
        var at = page.IndexOf(DataPlaceholder, StringComparison.Ordinal);
        BeforeData = page[..at];
        AfterData = page[(at + DataPlaceholder.Length)..];
    }

    /// <summary>Everything up to the inside of the data element.</summary>
    public static string BeforeData { get; }

    /// <summary>Everything from the data element's end tag.</summary>
    public static string AfterData { get; }

    /// <summary>One of the page's files as embedded.</summary>
    public static string Asset(string name)
    {
        using var stream = typeof(HtmlReportPage).Assembly.GetManifestResourceStream($"HtmlReport/{name}")
            ?? throw new InvalidOperationException($"embedded resource HtmlReport/{name} is missing from the build");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = reader.ReadToEnd();

        // Inlined, a script or style that held its own end tag (even in a comment) would end early and
        // leave the rest to the HTML parser; "<!--" changes how a script element's end is found.
        if (name != "report.html" && (text.Contains("</", StringComparison.Ordinal) || text.Contains("<!--", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"HtmlReport/{name} holds \"</\" or \"<!--\": it cannot be inlined safely");
        }

        return text;
    }

    /// <summary>A CSP source for an inline element: the SHA-256 of its text, exactly as it stands in the page.</summary>
    public static string Hash(string text) => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)))}'";
}
