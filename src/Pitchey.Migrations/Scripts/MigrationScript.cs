using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Pitchey.Migrations.Scripts;

/// <summary>
/// A strategy file split into statements. Conventions (see docs/migrations.md):
/// <c>-- phase: N words</c> starts phase N (statements above the first marker form the preamble, phase 0);
/// <c>-- query: name</c> marks the next statement as a representative query for <c>migrate verify</c>.
/// Quotes, dollar quotes and comments are respected when looking for semicolons.
/// </summary>
public sealed partial class MigrationScript
{
    private MigrationScript(string fileName, IReadOnlyList<ScriptStatement> statements, IReadOnlyList<ScriptProblem> problems, bool hasPhaseMarkers)
    {
        FileName = fileName;
        Statements = statements;
        Problems = problems;
        HasPhaseMarkers = hasPhaseMarkers;
    }

    /// <summary>The file's name (no directories): recorded in the history.</summary>
    public string FileName { get; }

    public IReadOnlyList<ScriptStatement> Statements { get; }

    public IReadOnlyList<ScriptProblem> Problems { get; }

    public bool HasPhaseMarkers { get; }

    /// <summary>Statements that migrate (everything but representative queries), phases in ascending order, file order within a phase.</summary>
    public IEnumerable<ScriptStatement> Steps =>
        Statements.Where(s => !s.IsQuery).OrderBy(s => s.Phase); // OrderBy is stable: file order within a phase

    public IEnumerable<ScriptStatement> Queries => Statements.Where(s => s.IsQuery);

    public static async Task<MigrationScript> LoadAsync(string path, CancellationToken cancellationToken)
    {
        var text = await File.ReadAllTextAsync(path, cancellationToken);
        return Parse(text, Path.GetFileName(path));
    }

    public static MigrationScript Parse(string text, string fileName = "inline.sql")
    {
        ArgumentNullException.ThrowIfNull(text);
        var statements = new List<ScriptStatement>();
        var problems = new List<ScriptProblem>();
        var hasMarkers = PhaseMarker().IsMatch(text);
        var phase = hasMarkers ? 0 : 1;
        var phaseName = hasMarkers ? "preamble" : "";
        string? pendingQuery = null;
        var pendingQueryLine = 0;

        var current = new StringBuilder();
        var line = 1;
        var startLine = 0;
        var i = 0;

        void Flush()
        {
            var statementText = current.ToString().Trim();
            if (statementText.Length > 0)
            {
                statements.Add(new ScriptStatement(startLine, statementText, phase, phaseName, pendingQuery));
                pendingQuery = null;
            }

            current.Clear();
            startLine = 0;
        }

        void Append(char c)
        {
            if (startLine == 0 && !char.IsWhiteSpace(c))
            {
                startLine = line;
            }

            current.Append(c);
            if (c == '\n')
            {
                line++;
            }
        }

        while (i < text.Length)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (c == '-' && next == '-')
            {
                var end = text.IndexOf('\n', i);
                if (end < 0)
                {
                    end = text.Length;
                }

                var comment = text[i..end].TrimEnd('\r');
                if (startLine == 0)
                {
                    var phaseMatch = PhaseMarker().Match(comment);
                    var queryMatch = QueryMarker().Match(comment);
                    if (phaseMatch.Success)
                    {
                        phase = int.Parse(phaseMatch.Groups[1].Value, CultureInfo.InvariantCulture);
                        phaseName = phaseMatch.Groups[2].Value.Trim();
                        if (phase < 1)
                        {
                            problems.Add(new ScriptProblem(line, "phase numbers start at 1 (`-- phase: 1 critical`)"));
                        }
                    }
                    else if (queryMatch.Success)
                    {
                        if (pendingQuery is not null)
                        {
                            problems.Add(new ScriptProblem(pendingQueryLine, $"query marker '{pendingQuery}' is not followed by a statement"));
                        }

                        pendingQuery = queryMatch.Groups[1].Value;
                        pendingQueryLine = line;
                    }
                    else if (comment.TrimStart('-').TrimStart().StartsWith("query:", StringComparison.OrdinalIgnoreCase))
                    {
                        problems.Add(new ScriptProblem(line, "query marker needs a name: `-- query: browse`"));
                    }
                }

                // The comment becomes one space so tokens on either side stay apart.
                if (startLine != 0)
                {
                    current.Append(' ');
                }

                i = end;
                continue;
            }

            if (c == '/' && next == '*')
            {
                var depth = 0;
                var opened = line;
                while (i < text.Length)
                {
                    if (text[i] == '/' && i + 1 < text.Length && text[i + 1] == '*')
                    {
                        depth++;
                        i += 2;
                        continue;
                    }

                    if (text[i] == '*' && i + 1 < text.Length && text[i + 1] == '/')
                    {
                        depth--;
                        i += 2;
                        if (depth == 0)
                        {
                            break;
                        }

                        continue;
                    }

                    if (text[i] == '\n')
                    {
                        line++;
                        if (startLine != 0)
                        {
                            current.Append('\n');
                        }
                    }

                    i++;
                }

                if (depth != 0)
                {
                    problems.Add(new ScriptProblem(opened, "unterminated /* comment"));
                }

                current.Append(' ');
                continue;
            }

            if (c == '\'' || c == '"')
            {
                var opened = line;
                Append(c);
                i++;
                var closed = false;
                var backslashEscapes = c == '\'' && i >= 2 && (text[i - 2] == 'E' || text[i - 2] == 'e');
                while (i < text.Length)
                {
                    var d = text[i];
                    if (backslashEscapes && d == '\\' && i + 1 < text.Length)
                    {
                        Append(d);
                        Append(text[i + 1]);
                        i += 2;
                        continue;
                    }

                    Append(d);
                    i++;
                    if (d == c)
                    {
                        if (i < text.Length && text[i] == c)
                        {
                            Append(text[i]);
                            i++;
                            continue;
                        }

                        closed = true;
                        break;
                    }
                }

                if (!closed)
                {
                    problems.Add(new ScriptProblem(opened, c == '\'' ? "unterminated string literal" : "unterminated quoted identifier"));
                }

                continue;
            }

            if (c == '$')
            {
                var tag = DollarTag().Match(text, i);
                if (tag.Success && tag.Index == i && (i == 0 || !IsIdentifierChar(text[i - 1])))
                {
                    var opened = line;
                    var close = text.IndexOf(tag.Value, i + tag.Length, StringComparison.Ordinal);
                    var end = close < 0 ? text.Length : close + tag.Length;
                    foreach (var d in text.AsSpan(i, end - i))
                    {
                        Append(d);
                    }

                    if (close < 0)
                    {
                        problems.Add(new ScriptProblem(opened, $"unterminated dollar quote {tag.Value}"));
                    }

                    i = end;
                    continue;
                }
            }

            if (c == ';')
            {
                Flush();
                i++;
                continue;
            }

            Append(c);
            i++;
        }

        Flush();
        if (pendingQuery is not null)
        {
            problems.Add(new ScriptProblem(pendingQueryLine, $"query marker '{pendingQuery}' is not followed by a statement"));
        }

        return new MigrationScript(fileName, statements, problems, hasMarkers);
    }

    private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    [GeneratedRegex(@"^--\s*phase:\s*(\d+)\s*(.*)$", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex PhaseMarker();

    [GeneratedRegex(@"^--\s*query:\s*([A-Za-z0-9_.\-]+)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex QueryMarker();

    [GeneratedRegex(@"\$[A-Za-z_]?[A-Za-z0-9_]*\$")]
    private static partial Regex DollarTag();
}
