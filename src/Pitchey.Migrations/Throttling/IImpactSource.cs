namespace Pitchey.Migrations.Throttling;

/// <summary>Takes a sample of the figures the throttle watches (the database in apply; a script in unit tests).</summary>
public interface IImpactSource
{
    /// <param name="table">The table the next or running statement changes, for its lock waits; null for none.</param>
    Task<ImpactSample> SampleAsync(string? table, CancellationToken cancellationToken);
}
