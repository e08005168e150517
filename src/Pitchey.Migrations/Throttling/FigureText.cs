using System.Globalization;

namespace Pitchey.Migrations.Throttling;

/// <summary>How figures and limits read in messages: <c>14 s</c>, <c>1.5 s</c>, <c>250 ms</c>, <c>3.2 MB</c>.</summary>
public static class FigureText
{
    public static string Duration(TimeSpan value) => value < TimeSpan.FromSeconds(1)
        ? string.Create(CultureInfo.InvariantCulture, $"{value.TotalMilliseconds:0} ms")
        : string.Create(CultureInfo.InvariantCulture, $"{value.TotalSeconds:0.#} s");

    public static string Bytes(long value) => value switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{value} B"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{value / 1024.0:0.#} kB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{value / (1024.0 * 1024):0.#} MB"),
    };
}
