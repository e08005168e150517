using Microsoft.AspNetCore.Builder;

namespace Pitchey.Testing.Gateway;

/// <summary>
/// A Kestrel app of this repo, in-process on 127.0.0.1 and the free port it was given (<c>:0</c>),
/// with a client pointed at it. Disposal stops it: a stopped app lets go of its sockets and its
/// configuration file watchers (the machine allows few inotify instances).
/// </summary>
public abstract class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    protected LoopbackServer(WebApplication app, TimeSpan clientTimeout)
    {
        ArgumentNullException.ThrowIfNull(app);
        _app = app;
        Address = new Uri(app.Urls.First());
        Client = new HttpClient { BaseAddress = Address, Timeout = clientTimeout };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public virtual async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        GC.SuppressFinalize(this);
        Stopped();
    }

    /// <summary>Runs once the app has stopped (a gateway checks its log here).</summary>
    protected virtual void Stopped()
    {
    }

    /// <summary>Starts <paramref name="app"/>; one that fails to start (a setting it refuses) is disposed before the error goes on.</summary>
    protected static async Task<WebApplication> StartAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        try
        {
            await app.StartAsync();
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }
}
