using AngleSharp.Html.Dom;
using AngleSharp.Html.Dom.Events;
using AngleSharp.Html.Parser;

namespace Pitchey.Testing.Gateway;

/// <summary>
/// An HTML5 parse that fails on any parse error (a missing doctype, unclosed or misnested elements,
/// stray end tags), naming each: what "well formed" means for a page. Pure (no I/O), so the unit tests
/// of a page's writer compile this file in too.
/// </summary>
public static class StrictHtml
{
    public static IHtmlDocument Parse(string html)
    {
        var errors = new List<string>();
        var parser = new HtmlParser();
        parser.Error += (_, e) => errors.Add(e is HtmlErrorEvent error ? $"{error.Position}: {error.Message}" : e.ToString() ?? "error");
        var document = parser.ParseDocument(html);
        Assert.True(errors.Count == 0, "not well formed: " + string.Join("; ", errors));
        return document;
    }
}
