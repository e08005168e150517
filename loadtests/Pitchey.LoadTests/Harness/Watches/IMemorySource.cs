namespace Pitchey.LoadTests.Harness.Watches;

/// <summary>Where <see cref="MemorySampler"/> reads the gateway's memory.</summary>
internal interface IMemorySource
{
    string Title { get; }

    string SeriesName { get; }

    /// <summary>Megabytes now, or why not. Never throws for an unreadable source.</summary>
    Task<(double? Megabytes, string? Failure)> ReadAsync(CancellationToken cancellationToken);

    /// <summary>The process's peak, where the source knows it.</summary>
    double? Peak();
}
