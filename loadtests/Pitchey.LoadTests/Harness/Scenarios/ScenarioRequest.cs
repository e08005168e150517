namespace Pitchey.LoadTests.Harness.Scenarios;

/// <summary>
/// One request of a scenario's mix. Requests with the same <paramref name="Label"/> are reported
/// together (a label per endpoint, e.g. "browse", "search"); a label's share of the load is the sum
/// of its requests' weights over all weights. Many variants of one endpoint (real genres, real
/// words) are many requests under one label.
/// </summary>
/// <param name="Label">Short, no dots (thresholds address it as <c>label.p99</c>).</param>
/// <param name="Weight">Relative frequency, above 0.</param>
/// <param name="Request">What is sent.</param>
internal sealed record ScenarioRequest(string Label, double Weight, HttpRequestTemplate Request);
