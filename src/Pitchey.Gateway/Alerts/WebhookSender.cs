using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Pitchey.Gateway.Alerts;

/// <summary>
/// Sends notices to the webhooks: per webhook a bounded queue and one sender, so notices of one
/// alert arrive in order ("resolved" after its "firing") and a slow receiver delays nobody else.
/// Each notice is a JSON POST, retried with exponential backoff and jitter on transport errors,
/// timeouts, 408, 429 and 5xx, up to <c>MaxAttempts</c>; another 4xx ends it as failed. Connections
/// follow <see cref="WebhookAddressPolicy"/>. Logs name the webhook and its origin, never the URL.
/// </summary>
internal sealed partial class WebhookSender : BackgroundService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Dictionary<string, (WebhookTarget Target, Channel<(AlertNotification, AlertDelivery)> Queue)> _webhooks;
    private readonly HttpClient _client;
    private readonly AlertMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<WebhookSender> _logger;

    public WebhookSender(IOptions<AlertOptions> options, AlertMetrics metrics, TimeProvider time, ILogger<WebhookSender> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _metrics = metrics;
        _time = time;
        _logger = logger;
        // A URL that does not parse never gets here: AlertOptionsValidator stops start-up first.
        _webhooks = options.Value.Webhooks.Where(w => Uri.TryCreate(w.Value.Url, UriKind.Absolute, out _)).ToDictionary(
            w => w.Key,
            w => (new WebhookTarget(w.Key, new Uri(w.Value.Url!), w.Value),
                Channel.CreateBounded<(AlertNotification, AlertDelivery)>(new BoundedChannelOptions(AlertConstants.QueueCapacity)
                {
                    FullMode = BoundedChannelFullMode.DropOldest,
                    SingleReader = true,
                }, dropped => Dropped(w.Key, dropped.Item2))),
            StringComparer.OrdinalIgnoreCase);
        _client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectCallback = ConnectAsync,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public IEnumerable<WebhookTarget> Targets => _webhooks.Values.Select(w => w.Target);

    /// <summary>Notices waiting at <paramref name="webhook"/>.</summary>
    public int Pending(string webhook) => _webhooks.TryGetValue(webhook, out var w) ? w.Queue.Reader.Count : 0;

    /// <summary>Queues <paramref name="notice"/> for <paramref name="webhooks"/> (empty: every webhook); returns a delivery per webhook.</summary>
    public IReadOnlyDictionary<string, AlertDelivery> Enqueue(AlertNotification notice, IEnumerable<string> webhooks)
    {
        var names = webhooks.ToArray();
        var deliveries = new Dictionary<string, AlertDelivery>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, (_, queue)) in _webhooks.Where(w => names.Length == 0 || names.Contains(w.Key, StringComparer.OrdinalIgnoreCase)))
        {
            var delivery = new AlertDelivery();
            deliveries[name] = delivery;
            queue.Writer.TryWrite((notice, delivery));
        }

        return deliveries;
    }

    public override void Dispose()
    {
        _client.Dispose();
        base.Dispose();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_webhooks.Values.Select(w => SendLoopAsync(w.Target, w.Queue.Reader, stoppingToken)));

    private async Task SendLoopAsync(WebhookTarget target, ChannelReader<(AlertNotification, AlertDelivery)> queue, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (notice, delivery) in queue.ReadAllAsync(stoppingToken))
            {
                await SendAsync(target, notice, delivery, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SendAsync(WebhookTarget target, AlertNotification notice, AlertDelivery delivery, CancellationToken stoppingToken)
    {
        var settings = target.Settings;
        var body = JsonSerializer.SerializeToUtf8Bytes(notice, Json);
        for (var attempt = 1; ; attempt++)
        {
            var (status, reason) = await AttemptAsync(target, notice, body, stoppingToken);
            delivery.Attempted(status);
            if (status is >= 200 and < 300)
            {
                delivery.Finish("delivered");
                _metrics.Notice(target.Name, "delivered");
                LogDelivered(_logger, notice.Sequence, target.Name, target.Origin, attempt);
                return;
            }

            var permanent = status is >= 400 and < 500 and not 408 and not 429;
            if (permanent || attempt >= settings.MaxAttempts)
            {
                delivery.Finish("failed");
                _metrics.Notice(target.Name, "failed");
                LogFailed(_logger, notice.Sequence, target.Name, target.Origin, reason, attempt);
                return;
            }

            var delay = Backoff(settings, attempt);
            LogRetrying(_logger, target.Name, target.Origin, reason, attempt, settings.MaxAttempts, (long)delay.TotalMilliseconds);
            await Task.Delay(delay, _time, stoppingToken);
        }
    }

    /// <summary>One POST; the HTTP status, or null and why not (the exception's type: its message could carry the address).</summary>
    private async Task<(int? Status, string Reason)> AttemptAsync(WebhookTarget target, AlertNotification notice, byte[] body, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(target.Settings.Timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        request.Headers.UserAgent.ParseAdd("pitchey-gateway");
        request.Headers.Add("X-Pitchey-Alert-Id", notice.Id);
        request.Headers.Add("X-Pitchey-Alert-Sequence", notice.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return ((int)response.StatusCode, $"HTTP {(int)response.StatusCode}");
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return (null, "timed out");
        }
        catch (HttpRequestException exception)
        {
            return (null, exception.InnerException?.GetType().Name ?? exception.HttpRequestError.ToString());
        }
    }

    /// <summary>RetryBaseDelay doubled per attempt, at most RetryMaxDelay, plus up to 20 % jitter so gateways do not retry in step.</summary>
    internal static TimeSpan Backoff(AlertWebhookOptions settings, int attempt)
    {
        var exponential = settings.RetryBaseDelay * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = exponential < settings.RetryMaxDelay ? exponential : settings.RetryMaxDelay;
#pragma warning disable CA5394 // jitter, not security
        return capped * (1 + (Random.Shared.NextDouble() * 0.2));
#pragma warning restore CA5394
    }

    /// <summary>Connects only to addresses <see cref="WebhookAddressPolicy"/> allows for the URL's host, after resolving it here.</summary>
    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = addresses.Where(a => WebhookAddressPolicy.Allows(host, a)).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException(HttpRequestError.ConnectionError, "the webhook's host resolves to no address webhooks may reach");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private void Dropped(string webhook, AlertDelivery delivery)
    {
        delivery.Finish("dropped");
        _metrics.Notice(webhook, "dropped");
        LogDropped(_logger, webhook, AlertConstants.QueueCapacity);
    }
}
