namespace Pitchey.Gateway.StatusPage;

/// <summary>One column of a <see cref="StatusPanel"/> table: the item's JSON property and its heading.</summary>
internal sealed record StatusPanelColumn(string Field, string Title);
