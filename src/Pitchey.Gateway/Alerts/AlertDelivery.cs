namespace Pitchey.Gateway.Alerts;

/// <summary>How a notice fared at one webhook: pending, delivered, failed or dropped, after how many attempts, the last HTTP status.</summary>
internal sealed class AlertDelivery
{
    private int _attempts;

    public string State { get; private set; } = "pending";

    public int Attempts => Volatile.Read(ref _attempts);

    public int? LastStatus { get; private set; }

    public void Attempted(int? status)
    {
        Interlocked.Increment(ref _attempts);
        LastStatus = status;
    }

    public void Finish(string state) => State = state;
}
