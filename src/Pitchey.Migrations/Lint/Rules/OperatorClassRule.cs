using Pitchey.Migrations.Scripts;

namespace Pitchey.Migrations.Lint.Rules;

/// <summary>
/// <c>missing-extension</c> and <c>unknown-opclass</c>: an index element's operator class that comes
/// with an extension neither installed nor created earlier in the file (PostgreSQL stops the build:
/// "operator class does not exist"), or, against the live catalog, one that does not exist for the
/// index's access method.
/// </summary>
internal sealed class OperatorClassRule : ILintRule
{
    // Extension operator classes known without a connection, as "method:opclass", with their extension.
    private static readonly Dictionary<string, string> ExtensionOperatorClasses = new(StringComparer.Ordinal)
    {
        ["gin:gin_trgm_ops"] = "pg_trgm",
        ["gist:gist_trgm_ops"] = "pg_trgm",
    };

    // The same by operator class name alone: which extension an operator class comes with, whatever the method.
    private static readonly Dictionary<string, string> ExtensionOf =
        ExtensionOperatorClasses.ToDictionary(e => e.Key[(e.Key.IndexOf(':', StringComparison.Ordinal) + 1)..], e => e.Value, StringComparer.Ordinal);

    public void Check(MigrationStatement statement, LintContext context)
    {
        if (statement.Index is not { } index || context.Catalog is not { } catalog)
        {
            return;
        }

        foreach (var operatorClass in index.Items.Select(i => i.OperatorClass).OfType<string>())
        {
            var extension = ExtensionOf.GetValueOrDefault(operatorClass);
            var installed = extension is null || catalog.Extensions.Contains(extension);
            if (!installed && !context.CreatedExtensions.Contains(extension!))
            {
                context.Error(statement, LintCodes.MissingExtension,
                    $"operator class {operatorClass} of {index.Name} comes with the extension {extension}, which {catalog.Source} does not have and the file does not create before this statement",
                    $"add CREATE EXTENSION IF NOT EXISTS {extension}; above it ({extension} ships with PostgreSQL's server package)");
                continue;
            }

            var key = $"{index.Method}:{operatorClass}";
            bool exists;
            string checkedAgainst;
            if (catalog.OperatorClasses is { } live && installed)
            {
                (exists, checkedAgainst) = (live.Contains(key), catalog.Source);
            }
            else if (extension is not null)
            {
                // Offline, or an extension this file creates first: the lint's own list.
                (exists, checkedAgainst) = (ExtensionOperatorClasses.ContainsKey(key), $"the operator classes of {extension}");
            }
            else
            {
                continue; // offline, a core operator class: nothing to check it against
            }

            if (!exists)
            {
                context.Error(statement, LintCodes.UnknownOperatorClass,
                    $"operator class {operatorClass} does not exist for {index.Method} (checked against {checkedAgainst})",
                    $"check the name and the access method: SELECT opcname FROM pg_opclass JOIN pg_am ON pg_am.oid = opcmethod WHERE amname = '{index.Method}'");
            }
        }
    }
}
