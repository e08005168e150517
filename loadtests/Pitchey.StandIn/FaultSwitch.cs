namespace Pitchey.StandIn;

/// <summary>The switches in force; swapped whole, read without locks.</summary>
internal sealed class FaultSwitch
{
    private volatile FaultSettings _current = new();

    public FaultSettings Current => _current;

    public void Set(FaultSettings settings) => _current = settings;
}
