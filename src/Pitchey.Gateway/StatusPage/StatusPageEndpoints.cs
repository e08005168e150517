using System.Text.Json;

namespace Pitchey.Gateway.StatusPage;

/// <summary>The status page's own data: the chart history and the panel list (health and breakers come from their own endpoints).</summary>
internal sealed class StatusPageEndpoints(StatusHistory history, IEnumerable<IStatusChart> charts, IEnumerable<StatusPanel> panels)
{
    private readonly IStatusChart[] _charts = [.. charts];
    private readonly StatusPanel[] _panels = [.. panels];

    /// <summary><c>GET /api/status/history</c>: see <see cref="StatusHistory.WriteJson"/>.</summary>
    public Task HistoryAsync(HttpContext context) => WriteJsonAsync(context, writer => history.WriteJson(writer, _charts));

    /// <summary>
    /// <c>GET /api/status/panels</c>: the reserved slots first (each <c>available</c> only once a
    /// feature registered it), then any other registered panel.
    /// </summary>
    public Task PanelsAsync(HttpContext context) => WriteJsonAsync(context, writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartArray("panels");
        foreach (var (id, title) in StatusPanelSlots.All)
        {
            WritePanel(writer, _panels.FirstOrDefault(p => p.Id == id), id, title);
        }

        foreach (var panel in _panels.Where(p => !StatusPanelSlots.All.Any(slot => slot.Id == p.Id)))
        {
            WritePanel(writer, panel, panel.Id, panel.Title);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    private static void WritePanel(Utf8JsonWriter writer, StatusPanel? panel, string id, string title)
    {
        writer.WriteStartObject();
        writer.WriteString("id", id);
        writer.WriteString("title", panel?.Title ?? title);
        writer.WriteBoolean("available", panel is not null);
        if (panel is not null)
        {
            writer.WriteString("source", panel.Source);
            writer.WriteString("items", panel.ItemsProperty);
            writer.WriteStartArray("columns");
            foreach (var column in panel.Columns)
            {
                writer.WriteStartObject();
                writer.WriteString("field", column.Field);
                writer.WriteString("title", column.Title);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static async Task WriteJsonAsync(HttpContext context, Action<Utf8JsonWriter> write)
    {
        context.Response.ContentType = "application/json";
        await using (var writer = new Utf8JsonWriter(context.Response.BodyWriter))
        {
            write(writer);
        }

        await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
    }
}
