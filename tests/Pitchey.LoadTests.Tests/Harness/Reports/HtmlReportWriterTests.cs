using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pitchey.LoadTests.Harness.Reports;
using Pitchey.Testing.Gateway;

namespace Pitchey.LoadTests.Tests.Harness.Reports;

/// <summary>
/// report.html as a document, without a browser: well formed, self-contained (no address to fetch, a
/// policy that allows only its own scripts and style), the report embedded as JSON equal to report.json,
/// and report strings that look like markup kept inside the data element as data.
/// </summary>
public sealed partial class HtmlReportWriterTests
{
    private const string Hostile = "</script><img src=x onerror=alert(1)>";

    [Fact]
    public void Render_EmbeddedJson_IsTheReport()
    {
        var report = SampleReports.Run(
            SampleReports.Target(SampleReports.Series(p99Us: 1234), SampleReports.Series("ready"), SampleReports.Series("live")),
            new ThresholdReport("p99<5ms", null, "p99", "<", 5000, "us", 1234, true));

        var document = StrictHtml.Parse(HtmlReportWriter.Render(report));

        var data = document.GetElementById(HtmlReportWriter.DataElementId)!;
        Assert.Equal("application/json", data.GetAttribute("type"));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(JsonSerializer.Serialize(report, ReportJson.Default.RunReport)), JsonNode.Parse(data.TextContent)));
    }

    [Fact]
    public void Render_HostileStrings_StayDataInsideTheDataElement()
    {
        var series = SampleReports.Series(Hostile);
        var report = SampleReports.Run(SampleReports.Target(SampleReports.Series(), series, SampleReports.Series("<!--"))) with
        {
            Description = Hostile,
            Events = [new RunEventReport(1, Hostile, "<script>alert(2)</script> & <b>")],
            ServerSide = [ServerSideReport.Unavailable("x", Hostile, "</style><svg onload=alert(3)>")],
        };

        var html = HtmlReportWriter.Render(report);
        var document = StrictHtml.Parse(html);

        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert(2)</script>", html, StringComparison.Ordinal);
        Assert.Empty(document.QuerySelectorAll("img"));
        Assert.Equal(3, document.Scripts.Length);
        Assert.Single(document.QuerySelectorAll("style"));
        Assert.DoesNotContain(document.All, element => element.Attributes.Any(attribute => attribute.Name.StartsWith("on", StringComparison.Ordinal)));
        var back = JsonNode.Parse(document.GetElementById(HtmlReportWriter.DataElementId)!.TextContent)!;
        Assert.Equal(Hostile, back["targets"]![0]!["labels"]![0]!["label"]!.GetValue<string>());
        Assert.Equal("<!--", back["targets"]![0]!["labels"]![1]!["label"]!.GetValue<string>());
        Assert.Equal("<script>alert(2)</script> & <b>", back["events"]![0]!["detail"]!.GetValue<string>());
        Assert.Equal("</style><svg onload=alert(3)>", back["serverSide"]![0]!["note"]!.GetValue<string>());
    }

    [Fact]
    public void Render_IsSelfContained_AndItsPolicyAllowsOnlyItsOwnScriptsAndStyle()
    {
        var document = StrictHtml.Parse(HtmlReportWriter.Render(SampleReports.Run(SampleReports.Target(SampleReports.Series()))));

        Assert.Equal("html", document.Doctype!.Name);
        Assert.Equal("en", document.DocumentElement.GetAttribute("lang"));
        Assert.Empty(document.QuerySelectorAll("link, iframe, object, embed, img, [src], [href]"));
        var policy = document.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content")!;
        Assert.StartsWith("default-src 'none'; ", policy, StringComparison.Ordinal);
        var code = document.Scripts.Where(script => script.Type is null).ToList();
        Assert.Equal(2, code.Count);
        foreach (var inline in code.Select(script => script.TextContent).Append(document.QuerySelector("style")!.TextContent))
        {
            Assert.Contains($"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inline)))}'", policy, StringComparison.Ordinal);

            // The one address in the page's own code is the SVG namespace, which is a name, never fetched.
            Assert.All(AddressPattern().Matches(inline), match => Assert.Equal("http://www.w3.org/2000/svg", match.Value));
        }

        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        Assert.Contains("data-rendered", code[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void EscapeForScriptElement_RelaxedJson_NoAngleBracketOrAmpersandAndTheSameValue()
    {
        var json = JsonSerializer.Serialize(new { label = Hostile + " & more" }, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("</script>", json, StringComparison.Ordinal);

        var escaped = HtmlReportWriter.EscapeForScriptElement(json);

        Assert.DoesNotContain('<', escaped);
        Assert.DoesNotContain('>', escaped);
        Assert.DoesNotContain('&', escaped);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(escaped)));
    }

    [Fact]
    public void All_WritesTheJsonAndTheHtmlReport()
    {
        Assert.Equal(["report.json", "report.html"], ReportWriters.All.Select(writer => writer.FileName));
    }

    [GeneratedRegex(@"[a-z]+://[^\s'""`)]+", RegexOptions.IgnoreCase)]
    private static partial Regex AddressPattern();
}
