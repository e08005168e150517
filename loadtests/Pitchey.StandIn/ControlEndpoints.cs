using System.Text.Json;

namespace Pitchey.StandIn;

/// <summary><c>/_standin/*</c>: the switches and the counter. Not counted as requests.</summary>
internal static class ControlEndpoints
{
    public static IEndpointRouteBuilder MapControlEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/_standin");
        group.MapPut("/faults", async (HttpContext context, FaultSwitch faults) =>
        {
            FaultSettings? settings;
            try
            {
                settings = await context.Request.ReadFromJsonAsync<FaultSettings>(context.RequestAborted);
            }
            catch (JsonException exception)
            {
                return Results.Problem(exception.Message, statusCode: 400, title: "Invalid fault settings");
            }

            settings ??= new FaultSettings();
            if (settings.Validate() is { } error)
            {
                return Results.Problem(error, statusCode: 400, title: "Invalid fault settings");
            }

            faults.Set(settings);
            return Results.Ok(settings);
        });
        group.MapGet("/faults", (FaultSwitch faults) => Results.Ok(faults.Current));
        group.MapDelete("/faults", (FaultSwitch faults) =>
        {
            faults.Set(new FaultSettings());
            return Results.NoContent();
        });
        group.MapGet("/stats", (RequestCounter counter) => Results.Ok(new { requests = counter.Count, completed = counter.Completed }));
        return endpoints;
    }
}
