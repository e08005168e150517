namespace Pitchey.LoadTests.Harness.Engine;

/// <summary>
/// The open model's clock hand: one thread that holds every idle connection's next due time in a
/// queue, sleeps precisely (<see cref="PreciseSleep"/>) until the earliest, and releases that
/// connection to send. One thread for all connections, as wrk2's event loop, rather than a timer per
/// connection: .NET timers fire on a millisecond grid, and thousands of them cost more than a heap.
/// A sleep never lasts more than <see cref="MaxSleep"/>, so a connection that joins the queue with
/// an earlier time than the one being slept towards waits at most that long (it shows as send lag).
/// </summary>
internal sealed class Pacer : IDisposable
{
    /// <summary>Longest single sleep: bounds the lag of an out-of-order arrival; about 2,000 wake-ups a second at worst.</summary>
    private static readonly long MaxSleep = EngineTime.TicksPerSecond / 2000;

    private readonly PriorityQueue<PacerTicket, long> _queue = new();
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _wake = new(0);
    private readonly Thread _thread;
    private bool _idle;
    private volatile bool _stopping;

    public Pacer()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "pacer", Priority = ThreadPriority.AboveNormal };
        _thread.Start();
    }

    /// <summary>Completes at <paramref name="due"/>, or at once when the pacer stops.</summary>
    public ValueTask WaitAsync(PacerTicket ticket, long due)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var wait = ticket.Arm();
        bool wake;
        lock (_lock)
        {
            if (_stopping)
            {
                wake = false;
                ticket.Release();
            }
            else
            {
                _queue.Enqueue(ticket, due);
                wake = _idle;
                _idle = false;
            }
        }

        if (wake)
        {
            _wake.Release();
        }

        return wait;
    }

    /// <summary>Releases every waiting connection (they see the run is over) and ends the thread.</summary>
    public void Stop()
    {
        _stopping = true;
        _wake.Release();
        if (Thread.CurrentThread != _thread)
        {
            _thread.Join();
        }
    }

    public void Dispose()
    {
        if (!_stopping)
        {
            Stop();
        }

        _wake.Dispose();
    }

    private void Run()
    {
        PreciseSleep.PrepareThread();
        while (!_stopping)
        {
            PacerTicket? ready = null;
            long due = 0;
            var empty = false;
            lock (_lock)
            {
                if (!_queue.TryPeek(out var next, out due))
                {
                    _idle = empty = true;
                }
                else if (due <= EngineTime.Now)
                {
                    ready = _queue.Dequeue();
                }
            }

            if (empty)
            {
                _wake.Wait();
            }
            else if (ready is not null)
            {
                ready.Release(); // outside the lock: the connection's send runs here, and may queue again
            }
            else
            {
                PreciseSleep.Until(Math.Min(due, EngineTime.Now + MaxSleep));
            }
        }

        List<PacerTicket> left;
        lock (_lock)
        {
            left = [.. _queue.UnorderedItems.Select(item => item.Element)];
            _queue.Clear();
        }

        foreach (var ticket in left)
        {
            ticket.Release();
        }
    }
}
