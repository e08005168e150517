namespace Pitchey.LoadTests.Harness.Engine;

/// <summary>
/// Where every outcome goes. Connections record into one of a few stripes (by connection index),
/// each behind its own lock, so that two cores rarely wait on each other and no histogram needs
/// atomic counts; the ticker and the end of the run merge the stripes. A request counts in the
/// totals when it started inside the measured window (its due time in the open model, its send
/// time in the closed one); warm-up requests only feed the live display.
/// </summary>
internal sealed class RunRecorder
{
    private readonly Stripe[] _stripes;
    private readonly long _lateTolerance;
    private readonly SecondCells[] _window;
    private readonly SecondCells[] _live;

    /// <param name="series">Series (target × label) to keep apart.</param>
    /// <param name="stripes">Stripes, at least 1 (one per core is plenty).</param>
    /// <param name="lateTolerance">A request sent later than this after its due time is late (ticks).</param>
    public RunRecorder(int series, int stripes, long lateTolerance)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(series);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stripes);
        SeriesCount = series;
        _lateTolerance = lateTolerance;
        _stripes = [.. Enumerable.Range(0, stripes).Select(_ => new Stripe(series))];
        _window = [.. Enumerable.Range(0, series).Select(_ => new SecondCells())];
        _live = [.. Enumerable.Range(0, series).Select(_ => new SecondCells())];
    }

    public int SeriesCount { get; }

    public int StripeCount => _stripes.Length;

    /// <summary>Records one request. <paramref name="due"/> equals <paramref name="sent"/> in the closed model.</summary>
    public void Record(int stripe, int series, bool inWindow, long due, long sent, long done, RequestOutcome outcome)
    {
        var corrected = EngineTime.Microseconds(done - due);
        var uncorrected = EngineTime.Microseconds(done - sent);
        var kind = outcome.Kind;
        var cells = _stripes[stripe].Series[series];
        lock (_stripes[stripe].Lock)
        {
            Count(cells.Live, kind, corrected, uncorrected);
            if (!inWindow)
            {
                return;
            }

            Count(cells.Window, kind, corrected, uncorrected);
            cells.Sent++;
            if (kind == ErrorKind.None)
            {
                cells.Ok++;
            }
            else
            {
                cells.Errors[(int)kind]++;
            }

            if (outcome.Status is >= 100 and < 600)
            {
                cells.Statuses[outcome.Status]++;
            }

            LatencyHistograms.Record(cells.Corrected, corrected);
            LatencyHistograms.Record(cells.Uncorrected, uncorrected);
            LatencyHistograms.Record(cells.SendLag, EngineTime.Microseconds(sent - due));
            if (sent - due > _lateTolerance)
            {
                cells.Late++;
            }
        }
    }

    /// <summary>
    /// Takes away the second recorded since the last cut: per series, the measured-window part and
    /// the live part (warm-up included). The arrays are reused by the next cut; one caller at a time.
    /// </summary>
    public (IReadOnlyList<SecondCells> Window, IReadOnlyList<SecondCells> Live) CutSecond()
    {
        for (var series = 0; series < SeriesCount; series++)
        {
            _window[series].Clear();
            _live[series].Clear();
        }

        foreach (var stripe in _stripes)
        {
            for (var series = 0; series < SeriesCount; series++)
            {
                var cells = stripe.Series[series];
                SecondCells window, live;
                lock (stripe.Lock)
                {
                    // Swap in the cleared spares; the merge below runs outside the lock.
                    (window, cells.Window) = (cells.Window, stripe.SpareWindow[series]);
                    (live, cells.Live) = (cells.Live, stripe.SpareLive[series]);
                }

                _window[series].Add(window);
                _live[series].Add(live);
                window.Clear();
                live.Clear();
                stripe.SpareWindow[series] = window;
                stripe.SpareLive[series] = live;
            }
        }

        return (_window, _live);
    }

    /// <summary>The totals per series, merged over the stripes; call once recording has ended.</summary>
    public IReadOnlyList<SeriesCells> Totals()
    {
        var totals = new SeriesCells[SeriesCount];
        for (var series = 0; series < SeriesCount; series++)
        {
            totals[series] = new SeriesCells();
            foreach (var stripe in _stripes)
            {
                lock (stripe.Lock)
                {
                    totals[series].Add(stripe.Series[series]);
                }
            }
        }

        return totals;
    }

    private static void Count(SecondCells second, ErrorKind kind, long corrected, long uncorrected)
    {
        second.Completed++;
        if (kind == ErrorKind.None)
        {
            second.Ok++;
        }
        else
        {
            second.Errors++;
        }

        LatencyHistograms.Record(second.Corrected, corrected);
        LatencyHistograms.Record(second.Uncorrected, uncorrected);
    }

    private sealed class Stripe(int series)
    {
        public Lock Lock { get; } = new();

        public SeriesCells[] Series { get; } = [.. Enumerable.Range(0, series).Select(_ => new SeriesCells())];

        public SecondCells[] SpareWindow { get; } = [.. Enumerable.Range(0, series).Select(_ => new SecondCells())];

        public SecondCells[] SpareLive { get; } = [.. Enumerable.Range(0, series).Select(_ => new SecondCells())];
    }
}
