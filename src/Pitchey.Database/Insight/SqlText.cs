namespace Pitchey.Database.Insight;

/// <summary>Identifiers and statements as the advice writes them: quoted only where PostgreSQL needs it.</summary>
public static class SqlText
{
    public static string Identifier(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var plain = name.Length > 0 && (char.IsAsciiLetterLower(name[0]) || name[0] == '_')
            && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_' || c == '$');
        return plain ? name : "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public static string Qualified(string schema, string name) => Identifier(schema) + "." + Identifier(name);

    /// <summary><c>pg_get_indexdef</c>'s CREATE [UNIQUE] INDEX as a CONCURRENTLY build, to undo a drop without blocking writes.</summary>
    public static string Concurrently(string definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        foreach (var start in new[] { "CREATE UNIQUE INDEX ", "CREATE INDEX " })
        {
            if (definition.StartsWith(start, StringComparison.Ordinal))
            {
                return start + "CONCURRENTLY " + definition[start.Length..] + ";";
            }
        }

        return definition + ";";
    }
}
