namespace Pitchey.Migrations.Scripts;

/// <summary>A SQL token. <see cref="Value"/> is lower-cased for words, unquoted for quoted identifiers.</summary>
public readonly record struct SqlToken(TokenKind Kind, string Value, int Offset)
{
    public bool Is(string word) => Kind == TokenKind.Word && Value == word;

    public bool IsSymbol(string symbol) => Kind == TokenKind.Symbol && Value == symbol;

    public bool IsIdentifier => Kind is TokenKind.Word or TokenKind.QuotedIdentifier;
}
