using Pitchey.Migrations.Scripts;

namespace Pitchey.Migrations.Lint;

/// <summary>
/// One concern of the lint. A rule looks at one statement (with what the context knows: the catalog,
/// the indexes seen so far, whether a transaction block is open) and adds its findings; it ignores
/// statements of kinds it does not check. <see cref="MigrationLint"/> runs every rule on every statement.
/// </summary>
internal interface ILintRule
{
    void Check(MigrationStatement statement, LintContext context);
}
