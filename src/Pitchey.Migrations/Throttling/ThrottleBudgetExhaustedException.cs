namespace Pitchey.Migrations.Throttling;

/// <summary>The run spent its whole wait budget throttled; the message names the budget and the limits still crossed.</summary>
internal sealed class ThrottleBudgetExhaustedException(string message, IReadOnlyList<LimitBreach> breaches) : Exception(message)
{
    public IReadOnlyList<LimitBreach> Breaches { get; } = breaches;
}
