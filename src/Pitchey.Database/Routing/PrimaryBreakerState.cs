using Polly.CircuitBreaker;

namespace Pitchey.Database.Routing;

/// <summary>The primary breaker's state, readable by routing, health and the LSN reader.</summary>
internal sealed class PrimaryBreakerState
{
    public CircuitBreakerStateProvider Provider { get; } = new();

    /// <summary>The breaker's state now (<see cref="Diagnostics.CircuitStates"/> says it in words).</summary>
    public CircuitState State => Provider.CircuitState;

    /// <summary>Open or isolated: calls to the primary are refused without connecting.</summary>
    public bool IsOpen => State is CircuitState.Open or CircuitState.Isolated;
}
