using System.Net.Sockets;
using System.Text;

namespace Pitchey.Testing.Gateway;

/// <summary>
/// HTTP/1.1 by hand over a socket, for what HttpClient will not send: over-long request lines and
/// headers, bodies that trickle, stall or stop half-way.
/// </summary>
public sealed class RawHttp : IAsyncDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;

    private RawHttp(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
    }

    public static async Task<RawHttp> ConnectAsync(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(address.Host, address.Port);
        return new RawHttp(client);
    }

    /// <summary>Writes text as ASCII; false when the server has closed the connection meanwhile.</summary>
    public Task<bool> SendAsync(string text) => SendAsync(Encoding.ASCII.GetBytes(text));

    public async Task<bool> SendAsync(ReadOnlyMemory<byte> bytes)
    {
        try
        {
            await _stream.WriteAsync(bytes);
            await _stream.FlushAsync();
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>
    /// The status code of the response the server sends (null when it closes without one), within
    /// <paramref name="timeout"/>.
    /// </summary>
    public async Task<int?> ReadStatusAsync(TimeSpan timeout) =>
        StatusOf(await ReadUntilAsync(text => text.Contains("\r\n", StringComparison.Ordinal), timeout));

    /// <summary>
    /// The response the server sends, head and body (as far as its <c>Content-Length</c> or last chunk,
    /// else until the server closes), within <paramref name="timeout"/>; status null when there was none.
    /// </summary>
    public async Task<(int? Status, string Text)> ReadResponseAsync(TimeSpan timeout)
    {
        var response = await ReadUntilAsync(Whole, timeout);
        return (StatusOf(response), response);

        static bool Whole(string response)
        {
            var end = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end < 0)
            {
                return false;
            }

            foreach (var line in response[..end].Split("\r\n"))
            {
                if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)
                    && int.TryParse(line.AsSpan(15).Trim(), System.Globalization.CultureInfo.InvariantCulture, out var length))
                {
                    return Encoding.UTF8.GetByteCount(response.AsSpan(end + 4)) >= length;
                }

                if (line.Equals("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
                {
                    return response.EndsWith("\r\n0\r\n\r\n", StringComparison.Ordinal);
                }
            }

            return false;
        }
    }

    /// <summary>Sends a request's head, then its body in pieces every <paramref name="pause"/> until the server answers or the body is sent.</summary>
    public async Task TrickleAsync(int bytes, int piece, TimeSpan pause, CancellationToken stop)
    {
        var chunk = new byte[piece];
        Array.Fill(chunk, (byte)'x');
        for (var sent = 0; sent < bytes && !stop.IsCancellationRequested; sent += piece)
        {
            if (!await SendAsync(chunk.AsMemory(0, Math.Min(piece, bytes - sent))))
            {
                return;
            }

            try
            {
                await Task.Delay(pause, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Hangs up at once (RST), the way a client that crashes would.</summary>
    public void Abort()
    {
        _client.Client.LingerState = new LingerOption(true, 0);
        _client.Close();
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    private static int? StatusOf(string response) =>
        response.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) && response.Length >= 12
        && int.TryParse(response.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture, out var status)
            ? status
            : null;

    /// <summary>What the server sends until <paramref name="done"/> holds for it, it closes, or <paramref name="timeout"/> passes.</summary>
    private async Task<string> ReadUntilAsync(Func<string, bool> done, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var buffer = new byte[64 * 1024];
        var text = new StringBuilder();
        try
        {
            while (!done(text.ToString()))
            {
                var read = await _stream.ReadAsync(buffer, cancel.Token);
                if (read == 0)
                {
                    break;
                }

                text.Append(Encoding.UTF8.GetString(buffer, 0, read));
            }
        }
        catch (IOException)
        {
        }

        return text.ToString();
    }
}
