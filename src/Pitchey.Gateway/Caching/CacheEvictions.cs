using Microsoft.Extensions.Options;

namespace Pitchey.Gateway.Caching;

/// <summary>The <c>Cache:WriteEvictions</c> rules: which tags a successful write to a path evicts.</summary>
internal sealed class CacheEvictions
{
    private readonly (PathString Prefix, string[] Tags)[] _rules;

    public CacheEvictions(IOptions<CacheOptions> options)
    {
        _rules = options.Value.Enabled
            ? options.Value.WriteEvictions
                .Where(r => r?.PathPrefix is ['/', ..] && r.Tags.Count > 0)
                .Select(r => (new PathString(r.PathPrefix!.TrimEnd('/') is { Length: > 0 } p ? p : "/"), r.Tags.ToArray()))
                .ToArray()
            : [];
    }

    public bool Any => _rules.Length > 0;

    /// <summary>The tags a write to <paramref name="path"/> evicts, or null for none.</summary>
    public IReadOnlyCollection<string>? TagsFor(PathString path)
    {
        HashSet<string>? tags = null;
        foreach (var (prefix, ruleTags) in _rules)
        {
            if (prefix == "/" || path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
            {
                tags ??= new HashSet<string>(StringComparer.Ordinal);
                tags.UnionWith(ruleTags);
            }
        }

        return tags;
    }
}
