using Npgsql;

namespace Pitchey.Migrations.Catalog;

/// <summary>
/// What the lint and the planner know about the database: tables, columns, indexes, extensions,
/// and (only from a live database) function volatility, operator classes and where each setting
/// can be changed.
/// </summary>
public sealed class CatalogSnapshot
{
    public CatalogSnapshot(
        string source,
        IEnumerable<CatalogTable> tables,
        IEnumerable<CatalogIndex> indexes,
        IReadOnlySet<string>? nonImmutableFunctions,
        IReadOnlyDictionary<string, string>? settingContexts,
        IReadOnlySet<string>? extensions = null,
        IReadOnlySet<string>? operatorClasses = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(indexes);
        Source = source;
        // Last one wins: a schema file may create a table twice (IF NOT EXISTS).
        Tables = tables.GroupBy(t => t.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        Indexes = indexes.ToList();
        NonImmutableFunctions = nonImmutableFunctions;
        SettingContexts = settingContexts;
        Extensions = extensions ?? new HashSet<string>(StringComparer.Ordinal);
        OperatorClasses = operatorClasses;
    }

    /// <summary>Where this came from, for messages: "live database" or a file name.</summary>
    public string Source { get; }

    public IReadOnlyDictionary<string, CatalogTable> Tables { get; }

    public IReadOnlyList<CatalogIndex> Indexes { get; }

    /// <summary>Functions whose every overload is STABLE or VOLATILE; null when not known (no connection).</summary>
    public IReadOnlySet<string>? NonImmutableFunctions { get; }

    /// <summary>pg_settings.context by setting name; null when not known (no connection).</summary>
    public IReadOnlyDictionary<string, string>? SettingContexts { get; }

    /// <summary>Installed extensions (<c>pg_extension</c>), or those a schema file creates.</summary>
    public IReadOnlySet<string> Extensions { get; }

    /// <summary>Operator classes as <c>method:name</c> (<c>gin:gin_trgm_ops</c>); null when not known (no connection).</summary>
    public IReadOnlySet<string>? OperatorClasses { get; }

    public CatalogIndex? FindIndex(string name) => Indexes.FirstOrDefault(i => i.Name == name);

    /// <summary>
    /// Reads the live catalog: the tables the session's search_path resolves (as an unqualified name
    /// in a strategy file would), their columns and indexes. Read-only; milliseconds on a normal schema.
    /// </summary>
    public static Task<CatalogSnapshot> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        LiveCatalogReader.ReadAsync(connection, cancellationToken);

    /// <summary>
    /// Reads tables, columns and the implicit indexes of primary keys and UNIQUE constraints (and any
    /// CREATE INDEX) from a schema file such as config/sql/schema.sql: the fallback without a connection.
    /// </summary>
    public static CatalogSnapshot FromSchemaFile(string text, string source) => SchemaFileReader.Read(text, source);
}
