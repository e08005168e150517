using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Pitchey.Database.Insight;

namespace Pitchey.Migrations.Scripts;

/// <summary>A classified statement. Only the fields of its <see cref="Kind"/> are set.</summary>
public sealed partial record MigrationStatement(ScriptStatement Source, StatementKind Kind)
{
    public IndexDefinition? Index { get; init; }

    /// <summary>Setting name for SET/RESET/ALTER SYSTEM; index name for DROP INDEX; extension for CREATE EXTENSION.</summary>
    public string? Target { get; init; }

    public IReadOnlyList<string> Tables { get; init; } = [];

    public bool IfNotExists { get; init; }

    public bool Local { get; init; }

    public IReadOnlyList<SqlToken> Tokens { get; init; } = [];

    public int Line => Source.Line;

    /// <summary>A short form for messages: the first line, at most 100 characters.</summary>
    public string Summary
    {
        get
        {
            var text = WhiteSpace().Replace(Source.Text, " ");
            return text.Length <= 100 ? text : text[..97] + "...";
        }
    }

    /// <summary>
    /// The statement's identity in the history: SHA-256 of its text with whitespace collapsed and
    /// case folded outside literals, so re-indenting a file does not make a step look new.
    /// </summary>
    public string Checksum
    {
        get
        {
            var normalized = string.Join(' ', Tokens.Select(t => t.Kind switch
            {
                TokenKind.String => "'" + t.Value + "'",
                TokenKind.QuotedIdentifier => "\"" + t.Value + "\"",
                _ => t.Value,
            }));
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
        }
    }

    /// <summary>The build as apply runs it: CONCURRENTLY, no IF NOT EXISTS (apply checks existence and validity itself).</summary>
    public string ConcurrentSql
    {
        get
        {
            var index = Index ?? throw new InvalidOperationException("not an index build");
            return $"CREATE {(index.Unique ? "UNIQUE " : "")}INDEX CONCURRENTLY {SqlText.Identifier(index.Name!)} {Source.Text[index.OnOffset..]}";
        }
    }

    /// <summary>Classifies one statement. Never throws: what it cannot read is <see cref="StatementKind.Unknown"/>.</summary>
    public static MigrationStatement Parse(ScriptStatement source) => StatementParser.Parse(source);

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
