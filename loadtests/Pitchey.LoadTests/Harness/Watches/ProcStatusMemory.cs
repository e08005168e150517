namespace Pitchey.LoadTests.Harness.Watches;

/// <summary>VmRSS (and the peak, VmHWM) of a process from <c>/proc/&lt;pid&gt;/status</c>: what the kernel holds resident for it.</summary>
internal sealed class ProcStatusMemory(int pid) : IMemorySource
{
    private readonly string _path = $"/proc/{pid}/status";

    public bool Exists => File.Exists(_path);

    public string Title => $"memory of the gateway (process {pid}, /proc/{pid}/status)";

    public string SeriesName => "VmRSS";

    public async Task<(double? Megabytes, string? Failure)> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var rss = MemorySampler.ParseKilobytes(await File.ReadAllTextAsync(_path, cancellationToken), "VmRSS");
            return rss is null ? (null, $"{_path} has no VmRSS") : (rss, null);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return (null, $"{_path} could not be read (the process ended?)");
        }
    }

    public double? Peak()
    {
        try
        {
            return MemorySampler.ParseKilobytes(File.ReadAllText(_path), "VmHWM");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
