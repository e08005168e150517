using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Pitchey.Testing.Gateway;

/// <summary>
/// A webhook receiver on 127.0.0.1 and a free port: every POST to <c>/hook</c> is kept (its JSON
/// body) and answered 503 while <see cref="FailNext"/> is above zero, 204 after.
/// </summary>
public sealed class WebhookReceiver : LoopbackServer
{
    private readonly Channel<(JsonElement Body, int Status)> _received;
    private readonly StrongBox<int> _failNext;

    private WebhookReceiver(WebApplication app, Channel<(JsonElement, int)> received, StrongBox<int> failNext)
        : base(app, TimeSpan.FromSeconds(10))
    {
        _received = received;
        _failNext = failNext;
    }

    /// <summary>The hook's URL, for <c>Alerts:Webhooks:&lt;name&gt;:Url</c>.</summary>
    public Uri Hook => new(Address, "/hook");

    /// <summary>How many of the next POSTs get 503.</summary>
    public int FailNext
    {
        get => Volatile.Read(ref _failNext.Value);
        set => Volatile.Write(ref _failNext.Value, value);
    }

    /// <summary>POSTs received so far and not yet taken.</summary>
    public int Waiting => _received.Reader.Count;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var received = Channel.CreateUnbounded<(JsonElement, int)>();
        var failNext = new StrongBox<int>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/hook", async (HttpContext context) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body);
            var status = Interlocked.Decrement(ref failNext.Value) >= 0 ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status204NoContent;
            if (status == StatusCodes.Status204NoContent)
            {
                Interlocked.Exchange(ref failNext.Value, 0);
            }

            await received.Writer.WriteAsync((body, status));
            return Results.StatusCode(status);
        });
        return new WebhookReceiver(await StartAsync(app), received, failNext);
    }

    /// <summary>The next POST (its body and the status it was answered with), waiting at most <paramref name="timeout"/>.</summary>
    public async Task<(JsonElement Body, int Status)> NextAsync(TimeSpan timeout)
    {
        using var bound = new CancellationTokenSource(timeout);
        return await _received.Reader.ReadAsync(bound.Token);
    }
}
