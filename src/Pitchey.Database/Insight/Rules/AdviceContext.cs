namespace Pitchey.Database.Insight.Rules;

/// <summary>What the rules read (the snapshot, the thresholds) and where they write.</summary>
internal sealed class AdviceContext(WorkloadSnapshot snapshot, InsightOptions options)
{
    private readonly List<Recommendation> _found = [];
    private readonly List<string> _notes = [];

    public WorkloadSnapshot Snapshot { get; } = snapshot;

    public InsightOptions Options { get; } = options;

    public IReadOnlyList<Recommendation> Found => _found;

    public IReadOnlyList<string> Notes => _notes;

    public void Add(Recommendation recommendation) => _found.Add(recommendation);

    public void Note(string note)
    {
        if (!_notes.Contains(note, StringComparer.Ordinal))
        {
            _notes.Add(note);
        }
    }

    /// <summary>Evidence in the order given (a dictionary keeps insertion order while nothing is removed).</summary>
    public static IReadOnlyDictionary<string, object?> Evidence(params (string Name, object? Value)[] items)
    {
        var evidence = new Dictionary<string, object?>(items.Length, StringComparer.Ordinal);
        foreach (var (name, value) in items)
        {
            evidence[name] = value;
        }

        return evidence;
    }

    /// <summary>
    /// Evidence of advice about one index: what every such advice shows first (the index, its table,
    /// its key columns, its definition and its size), then the rule's own <paramref name="more"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, object?> IndexEvidence(IndexFacts index, params (string Name, object? Value)[] more)
    {
        ArgumentNullException.ThrowIfNull(index);
        return Evidence([
            ("index", index.QualifiedName),
            ("table", index.QualifiedTable),
            ("columns", index.KeyElements),
            ("definition", index.Definition),
            ("sizeBytes", index.SizeBytes),
            .. more]);
    }

    /// <summary>Advice to drop an index that works but is not needed: without blocking writes, and how to build it again.</summary>
    public static IReadOnlyList<string> DropSql(IndexFacts index)
    {
        ArgumentNullException.ThrowIfNull(index);
        return [$"DROP INDEX CONCURRENTLY {index.QualifiedName};", $"-- to undo: {SqlText.Concurrently(index.Definition)}"];
    }

    /// <summary>A figure per host, primary first: <c>{"primary": 0, "replica1": 0}</c>.</summary>
    public IReadOnlyDictionary<string, T> PerHost<T>(Func<HostWorkload, T> value) =>
        Snapshot.Hosts.ToDictionary(h => h.Host, value, StringComparer.Ordinal);
}
