using Pitchey.Migrations.Catalog;
using Pitchey.Migrations.Scripts;

namespace Pitchey.Migrations.Lint;

/// <summary>What the rules share while the lint walks a file: the catalog, the indexes known so far, the findings.</summary>
internal sealed class LintContext(CatalogSnapshot? catalog)
{
    private readonly List<LintFinding> _findings = [];
    private readonly List<CatalogIndex> _known = catalog?.Indexes.ToList() ?? [];
    private readonly HashSet<string> _createdExtensions = new(StringComparer.Ordinal);

    /// <summary>The database's catalog (live or from a schema file); null when neither is at hand.</summary>
    public CatalogSnapshot? Catalog { get; } = catalog;

    /// <summary>The catalog's indexes plus the named indexes earlier in the file (empty without a catalog).</summary>
    public IReadOnlyList<CatalogIndex> KnownIndexes => _known;

    /// <summary>The extensions the file creates in the statements before the current one.</summary>
    public IReadOnlySet<string> CreatedExtensions => _createdExtensions;

    /// <summary>True between BEGIN and COMMIT (or ROLLBACK).</summary>
    public bool InTransaction { get; set; }

    public IReadOnlyList<LintFinding> Findings => _findings;

    /// <summary>True when the catalog is known and has no such table; without a catalog nothing is missing.</summary>
    public bool IsMissingTable(string table) => Catalog is not null && !Catalog.Tables.ContainsKey(table);

    public void Add(LintFinding finding) => _findings.Add(finding);

    public void Error(MigrationStatement statement, string code, string message, string fix, bool fixedByApply = false) =>
        _findings.Add(new LintFinding(statement.Line, LintSeverity.Error, code, message, fix, fixedByApply));

    public void Warning(MigrationStatement statement, string code, string message, string fix, bool fixedByApply = false) =>
        _findings.Add(new LintFinding(statement.Line, LintSeverity.Warning, code, message, fix, fixedByApply));

    public void Info(MigrationStatement statement, string code, string message, string fix) =>
        _findings.Add(new LintFinding(statement.Line, LintSeverity.Info, code, message, fix));

    /// <summary>Makes a named index (duplicates within the file) or a created extension of the file known to the statements after it.</summary>
    public void Remember(MigrationStatement statement)
    {
        if (statement is { Kind: StatementKind.CreateExtension, Target: { } extension })
        {
            _createdExtensions.Add(extension);
        }

        if (Catalog is not null && statement.Index is { Name: not null } index)
        {
            _known.Add(CatalogIndex.Written(index, statement.Source.Text));
        }
    }
}
