namespace Pitchey.Gateway.StatusPage;

/// <summary>
/// A table on the status page, filled from a management endpoint: the page GETs
/// <paramref name="Source"/> with the key, takes the array under <paramref name="ItemsProperty"/> and
/// shows <paramref name="Columns"/> of each item. Register with
/// <c>services.AddStatusPanel(new StatusPanel(...))</c>; an <paramref name="Id"/> from
/// <see cref="StatusPanelSlots"/> fills that reserved slot.
/// </summary>
/// <param name="Id">Stable id; the slots' ids are reserved for their features.</param>
/// <param name="Title">The heading.</param>
/// <param name="Source">A management path, e.g. <c>/admin/db/slow-queries</c>.</param>
/// <param name="ItemsProperty">The array in the source's JSON (<c>items</c>); null when the body is the array.</param>
/// <param name="Columns">What to show of each item, in order.</param>
internal sealed record StatusPanel(string Id, string Title, string Source, string? ItemsProperty, IReadOnlyList<StatusPanelColumn> Columns);
