using Pitchey.Migrations.Scripts;

namespace Pitchey.Migrations.Lint.Rules;

/// <summary>
/// <c>non-immutable</c>: PostgreSQL rejects an index expression or predicate whose value can change
/// (<c>now()</c>, <c>random()</c>, <c>CURRENT_DATE</c>...): the value would change, the index would not.
/// </summary>
internal sealed class NonImmutableRule : ILintRule
{
    // Functions that are not immutable whatever the catalog says (the live catalog adds the rest).
    private static readonly HashSet<string> KnownNonImmutable = new(StringComparer.Ordinal)
    {
        "now", "clock_timestamp", "statement_timestamp", "transaction_timestamp", "timeofday", "random", "random_normal",
        "setseed", "gen_random_uuid", "uuid_generate_v1", "uuid_generate_v4", "nextval", "currval", "lastval", "setval",
        "txid_current", "pg_current_xact_id", "pg_backend_pid", "current_setting", "to_char", "to_date",
        "pg_sleep", "set_limit", "show_limit",
    };

    public void Check(MigrationStatement statement, LintContext context)
    {
        if (statement.Index is not { } index)
        {
            return;
        }

        var parts = index.Items.Where(i => i.Column is null).Select(i => ("expression", i.Tokens))
            .Append(("predicate", index.PredicateTokens));
        foreach (var (where, tokens) in parts)
        {
            for (var i = 0; i < tokens.Count; i++)
            {
                var token = tokens[i];
                if (token.Kind != TokenKind.Word || (i > 0 && tokens[i - 1].IsSymbol("::")))
                {
                    continue;
                }

                var isCall = i + 1 < tokens.Count && tokens[i + 1].IsSymbol("(");
                var nonImmutable = isCall
                    ? KnownNonImmutable.Contains(token.Value) || (context.Catalog?.NonImmutableFunctions?.Contains(token.Value) ?? false)
                    : SqlWords.NonImmutableKeywords.Contains(token.Value);
                if (nonImmutable)
                {
                    context.Error(statement, LintCodes.NonImmutable,
                        $"{token.Value.ToUpperInvariant()}{(isCall ? "()" : "")} in the index {where} of {index.Name} is not IMMUTABLE: PostgreSQL rejects it (the value changes, the index would not)",
                        where == "predicate"
                            ? "use a constant cut-off (WHERE created_at > '2025-01-01') or a plain column index and filter at query time"
                            : "index the column itself, or an immutable expression of it");
                }
            }
        }
    }
}
