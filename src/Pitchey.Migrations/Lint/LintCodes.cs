namespace Pitchey.Migrations.Lint;

/// <summary>Lint rule identifiers, as printed (and as documented in docs/migrations.md).</summary>
internal static class LintCodes
{
    public const string Script = "script";
    public const string NoConcurrently = "no-concurrently";
    public const string ConcurrentlyInTransaction = "concurrently-in-transaction";
    public const string IfNotExistsConcurrently = "if-not-exists-concurrently";
    public const string NonImmutable = "non-immutable";
    public const string SessionSetting = "not-per-session";
    public const string UnknownSetting = "unknown-setting";
    public const string MissingTable = "missing-table";
    public const string MissingColumn = "missing-column";
    public const string RenamedColumn = "renamed-column";
    public const string DuplicateIndex = "duplicate-index";
    public const string PrefixIndex = "prefix-index";
    public const string MissingExtension = "missing-extension";
    public const string UnknownOperatorClass = "unknown-opclass";
    public const string NameConflict = "name-conflict";
    public const string UnnamedIndex = "unnamed-index";
    public const string DropIndex = "drop-index";
    public const string NotUnderstood = "not-understood";
    public const string CatalogSkipped = "catalog-skipped";
}
