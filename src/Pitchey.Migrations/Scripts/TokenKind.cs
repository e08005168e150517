namespace Pitchey.Migrations.Scripts;

/// <summary>What kind of token <see cref="SqlLexer"/> read.</summary>
public enum TokenKind
{
    Word,
    QuotedIdentifier,
    String,
    Number,
    Symbol,
}
