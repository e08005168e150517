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
    public async Task<int?> ReadStatusAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var buffer = new byte[64 * 1024];
        var text = new StringBuilder();
        try
        {
            while (!text.ToString().Contains("\r\n", StringComparison.Ordinal))
            {
                var read = await _stream.ReadAsync(buffer, cancel.Token);
                if (read == 0)
                {
                    break;
                }

                text.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }
        }
        catch (IOException)
        {
        }

        var line = text.ToString();
        return line.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) && line.Length >= 12
            && int.TryParse(line.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture, out var status)
            ? status
            : null;
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
}
