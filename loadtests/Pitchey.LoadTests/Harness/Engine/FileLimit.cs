using System.Runtime.InteropServices;

namespace Pitchey.LoadTests.Harness.Engine;

/// <summary>
/// The process's open-file limit (RLIMIT_NOFILE): every load connection is a socket, and the default
/// soft limit (often 1,024) is far below 10,000 connections. Raised through setrlimit (the soft limit
/// up to the hard one, the hard one too when the process may: root or CAP_SYS_RESOURCE); when it
/// cannot go high enough the run is refused with a message that names the limit, rather than failing
/// connects halfway through the load. Linux only; elsewhere nothing is checked.
/// </summary>
internal static partial class FileLimit
{
    /// <summary>Files the process needs besides the load's sockets: its own, the runtime's, the control clients'.</summary>
    public const int Headroom = 512;

    private const int RlimitNofile = 7; // on every Linux architecture .NET runs on

    /// <summary>Makes the soft limit at least <paramref name="needed"/>; the reason why not (naming RLIMIT_NOFILE), or null when it is.</summary>
    public static string? Ensure(long needed, out long limit)
    {
        limit = -1;
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        if (GetLimit(RlimitNofile, out var current) != 0)
        {
            return $"RLIMIT_NOFILE could not be read (errno {Marshal.GetLastPInvokeError()})";
        }

        limit = (long)Math.Min(current.Soft, long.MaxValue);
        if (current.Soft >= (ulong)needed)
        {
            return null;
        }

        // Both limits up first (allowed to root); else the soft one alone, up to the hard one.
        if (SetLimit(RlimitNofile, new Limits((ulong)needed, Math.Max(current.Hard, (ulong)needed))) == 0
            || (current.Hard >= (ulong)needed && SetLimit(RlimitNofile, new Limits((ulong)needed, current.Hard)) == 0))
        {
            limit = needed;
            return null;
        }

        return $"{needed:#,0} open files are needed, but RLIMIT_NOFILE is {current.Soft:#,0} (hard limit {current.Hard:#,0}) and could not be raised " +
            $"(errno {Marshal.GetLastPInvokeError()}): raise it (ulimit -n; LimitNOFILE= in a systemd unit; /etc/security/limits.conf) or use fewer --connections";
    }

    [LibraryImport("libc", EntryPoint = "getrlimit", SetLastError = true)]
    private static partial int GetLimit(int resource, out Limits limits);

    [LibraryImport("libc", EntryPoint = "setrlimit", SetLastError = true)]
    private static partial int SetLimit(int resource, in Limits limits);

    /// <summary>struct rlimit: rlim_cur, rlim_max (rlim_t is 64 bits on 64-bit Linux).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct Limits(ulong Soft, ulong Hard);
}
