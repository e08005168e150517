using System.Text.Json.Serialization;

namespace Pitchey.LoadTests.Harness.Reports;

/// <summary>Source-generated JSON for <see cref="RunReport"/>: camelCase, indented, nulls written (a reader sees every field).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(RunReport))]
internal sealed partial class ReportJson : JsonSerializerContext;
