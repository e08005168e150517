using System.Globalization;
using Microsoft.Extensions.Options;

namespace Pitchey.Database.Configuration;

/// <summary>
/// Collects every problem of one options object, each message prefixed with the full key path
/// (<c>HealthProbes:CacheTtl must be between 00:00:01 and 01:00:00.</c>), so a bad setting stops
/// start-up with all its errors at once, each naming the key an operator has to fix. Values are
/// never echoed: a setting may hold a secret.
/// </summary>
/// <remarks>
/// The one recipe for validation in every assembly: an <see cref="IValidateOptions{TOptions}"/> per
/// options class builds one of these, checks each property against the bounds that sit beside the
/// options class as named constants, and returns <see cref="Result"/>.
/// </remarks>
public sealed class OptionsErrors
{
    private readonly List<string> _messages;

    /// <param name="path">The section the options are bound from, e.g. <c>HealthProbes</c>.</param>
    public OptionsErrors(string path)
        : this(path, [])
    {
    }

    private OptionsErrors(string path, List<string> messages)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = path;
        _messages = messages;
    }

    /// <summary>The key path every message starts with.</summary>
    public string Path { get; }

    /// <summary>The messages collected so far, in the order they were found.</summary>
    public IReadOnlyList<string> Messages => _messages;

    /// <summary>Success when nothing was collected, else a failure carrying every message.</summary>
    public ValidateOptionsResult Result => _messages.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_messages);

    /// <summary>A collector for a nested section (<c>Clusters:api</c>) that adds to the same list.</summary>
    public OptionsErrors Section(string relativePath) => new($"{Path}:{relativePath}", _messages);

    /// <summary>Adds <c>{path}:{key} {problem}</c>; <paramref name="problem"/> reads as the rest of a sentence.</summary>
    public void Add(string key, string problem) => _messages.Add($"{Path}:{key} {problem}");

    public void Required(string key, string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(key, $"({what}) is required.");
        }
    }

    public void InRange(string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            Add(key, $"must be between {Text(min)} and {Text(max)}.");
        }
    }

    public void InRange(string key, long value, long min, long max)
    {
        if (value < min || value > max)
        {
            Add(key, $"must be between {Text(min)} and {Text(max)}.");
        }
    }

    public void InRange(string key, double value, double min, double max)
    {
        if (double.IsNaN(value) || value < min || value > max)
        {
            Add(key, $"must be between {Text(min)} and {Text(max)}.");
        }
    }

    public void InRange(string key, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            Add(key, $"must be between {Text(min)} and {Text(max)}.");
        }
    }

    /// <summary>
    /// A span as an operator writes it in a settings file: <c>00:00:01</c>, <c>1.00:00:00</c>,
    /// <c>00:00:00.050</c> (milliseconds only when there are any).
    /// </summary>
    public static string Text(TimeSpan value) =>
        value.Ticks % TimeSpan.TicksPerMillisecond == 0 && value.Milliseconds != 0
            ? value.ToString(value.Days == 0 ? @"hh\:mm\:ss\.fff" : @"d\.hh\:mm\:ss\.fff", CultureInfo.InvariantCulture)
            : value.ToString("c", CultureInfo.InvariantCulture);

    private static string Text(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);
}
