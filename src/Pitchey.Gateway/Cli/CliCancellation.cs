using System.Runtime.InteropServices;

namespace Pitchey.Gateway.Cli;

/// <summary>
/// The one Ctrl-C path of every verb: the first Ctrl-C (or SIGTERM) cancels the token, so the verb
/// can stop cleanly and say what state it left; a second Ctrl-C ends the process at once.
/// </summary>
public sealed class CliCancellation : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly TextWriter _error;
    private readonly PosixSignalRegistration _sigterm;
    private readonly ConsoleCancelEventHandler _handler;
    private int _signals;

    public CliCancellation(TextWriter error)
    {
        _error = error;
        _handler = (_, e) => OnCancelKey(e);
        Console.CancelKeyPress += _handler;
        _sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            _source.Cancel();
        });
    }

    public CancellationToken Token => _source.Token;

    public void Dispose()
    {
        Console.CancelKeyPress -= _handler;
        _sigterm.Dispose();
        _source.Dispose();
    }

    private void OnCancelKey(ConsoleCancelEventArgs e)
    {
        if (Interlocked.Increment(ref _signals) > 1)
        {
            return; // the second Ctrl-C ends the process
        }

        e.Cancel = true;
        _error.WriteLine();
        _error.WriteLine("cancelling: stopping the running work (Ctrl-C again to kill)...");
        _source.Cancel();
    }
}
