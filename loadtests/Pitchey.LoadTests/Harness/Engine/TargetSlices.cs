namespace Pitchey.LoadTests.Harness.Engine;

/// <summary>
/// Which target a request goes to when one run measures several (<c>--compare</c>): time is cut
/// into short slices, counted from the start of the measured window, and the targets take turns,
/// one slice each. Every target sees the same warm-up, the same machine noise and the same drift,
/// in alternation, instead of one after the other. With one target every slice is target 0.
/// </summary>
internal sealed class TargetSlices
{
    private readonly long _origin;
    private readonly long _slice;

    /// <param name="origin">Start of the measured window (ticks): slice 0 begins there, for target 0.</param>
    /// <param name="slice">Slice length in ticks, above 0.</param>
    /// <param name="targets">Number of targets, at least 1.</param>
    public TargetSlices(long origin, long slice, int targets)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(slice);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(targets);
        _origin = origin;
        _slice = slice;
        Targets = targets;
    }

    public int Targets { get; }

    /// <summary>The target whose slice holds <paramref name="time"/> (warm-up included: it alternates too).</summary>
    public int TargetAt(long time)
    {
        if (Targets == 1)
        {
            return 0;
        }

        var index = Math.DivRem(time - _origin, _slice, out var rest);
        if (rest < 0)
        {
            index--;
        }

        var target = index % Targets;
        return (int)(target < 0 ? target + Targets : target);
    }

    /// <summary>How long <paramref name="target"/> held the turn in [<paramref name="from"/>, <paramref name="to"/>), in ticks.</summary>
    public long ActiveTicks(int target, long from, long to)
    {
        if (to <= from)
        {
            return 0;
        }

        if (Targets == 1)
        {
            return to - from;
        }

        long total = 0;
        var first = Math.DivRem(from - _origin, _slice, out var rest) - (rest < 0 ? 1 : 0);
        for (var index = first; _origin + (index * _slice) < to; index++)
        {
            var owner = index % Targets;
            if ((owner < 0 ? owner + Targets : owner) != target)
            {
                continue;
            }

            var start = Math.Max(from, _origin + (index * _slice));
            var end = Math.Min(to, _origin + ((index + 1) * _slice));
            total += Math.Max(0, end - start);
        }

        return total;
    }
}
