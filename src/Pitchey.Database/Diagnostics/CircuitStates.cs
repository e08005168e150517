using Polly.CircuitBreaker;

namespace Pitchey.Database.Diagnostics;

/// <summary>
/// How a circuit's state is shown, in one place for every breaker (the API clusters' and the
/// database primary's): the word in health reports and admin answers, the number on the gauge.
/// </summary>
public static class CircuitStates
{
    /// <summary><c>closed</c>, <c>half-open</c>, <c>open</c> or <c>isolated</c>.</summary>
    public static string Word(CircuitState state) => state switch
    {
        CircuitState.Closed => "closed",
        CircuitState.HalfOpen => "half-open",
        CircuitState.Open => "open",
        _ => "isolated",
    };

    /// <summary>The gauge value: 0 closed, 1 half-open, 2 open, 3 isolated.</summary>
    public static int GaugeValue(CircuitState state) => state switch
    {
        CircuitState.Closed => 0,
        CircuitState.HalfOpen => 1,
        CircuitState.Open => 2,
        _ => 3,
    };
}
