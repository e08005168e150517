namespace Pitchey.LoadTests.Harness.Engine;

/// <summary>
/// One target's requests with their weights, as cumulative shares for a binary search: picking a
/// request costs one random number and a few comparisons, and allocates nothing.
/// </summary>
internal sealed class RequestMix
{
    private readonly EncodedRequest[] _requests;
    private readonly double[] _cumulative;

    public RequestMix(IReadOnlyList<(EncodedRequest Request, double Weight)> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (requests.Count == 0 || requests.Any(entry => !(entry.Weight > 0) || double.IsInfinity(entry.Weight)))
        {
            throw new ArgumentException("a mix needs at least one request, each with a weight above 0", nameof(requests));
        }

        _requests = [.. requests.Select(entry => entry.Request)];
        _cumulative = new double[requests.Count];
        var total = requests.Sum(entry => entry.Weight);
        double sum = 0;
        for (var i = 0; i < requests.Count; i++)
        {
            sum += requests[i].Weight;
            _cumulative[i] = sum / total;
        }

        _cumulative[^1] = 1.0;
    }

    public IReadOnlyList<EncodedRequest> Requests => _requests;

    /// <summary>The request whose share holds <paramref name="uniform"/> (0 ≤ u &lt; 1).</summary>
    public EncodedRequest Pick(double uniform)
    {
        if (_requests.Length == 1)
        {
            return _requests[0];
        }

        var index = Array.BinarySearch(_cumulative, uniform);
        index = index < 0 ? ~index : index + 1; // on an exact boundary the next share starts
        return _requests[Math.Min(index, _requests.Length - 1)];
    }
}
