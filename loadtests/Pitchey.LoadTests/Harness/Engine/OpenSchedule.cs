namespace Pitchey.LoadTests.Harness.Engine;

/// <summary>
/// The open model's timetable, wrk2's definition: the total rate R is shared by C connections,
/// each sending every C/R seconds, staggered by 1/R so that together they send one request every
/// 1/R seconds rather than C at once. Request n of connection c is due at
/// <c>start + (n·C + c) / R</c>. Pure arithmetic on ticks, so tests drive it with made-up times.
/// </summary>
internal sealed class OpenSchedule
{
    private readonly long _start;
    private readonly int _connections;
    private readonly double _ticksPerRequest;

    /// <param name="start">When request 0 of connection 0 is due (ticks).</param>
    /// <param name="rate">Requests per second over all connections, above 0.</param>
    /// <param name="connections">Connections sharing the rate, at least 1.</param>
    /// <param name="ticksPerSecond">The clock's resolution.</param>
    public OpenSchedule(long start, double rate, int connections, long ticksPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(connections);
        _start = start;
        _connections = connections;
        _ticksPerRequest = ticksPerSecond / rate;
    }

    /// <summary>When request <paramref name="n"/> of connection <paramref name="connection"/> is due (rounded, so a window of whole seconds holds exactly rate × seconds).</summary>
    public long Due(int connection, long n) => _start + (long)Math.Round(((n * _connections) + connection) * _ticksPerRequest);

    /// <summary>The first request of <paramref name="connection"/> due at or after <paramref name="time"/>.</summary>
    public long FirstAtOrAfter(int connection, long time)
    {
        if (time <= _start)
        {
            return 0;
        }

        // The estimate can be one off either way through rounding; the exact Due decides.
        var n = Math.Max(0, (long)Math.Ceiling((((time - _start) / _ticksPerRequest) - connection) / _connections));
        while (n > 0 && Due(connection, n - 1) >= time)
        {
            n--;
        }

        while (Due(connection, n) < time)
        {
            n++;
        }

        return n;
    }

    /// <summary>How many requests of <paramref name="connection"/> fall due in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public long CountDue(int connection, long from, long to) =>
        to <= from ? 0 : FirstAtOrAfter(connection, to) - FirstAtOrAfter(connection, from);
}
