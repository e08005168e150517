namespace Pitchey.Migrations.Verification;

/// <summary>A representative query whose plan got worse over an apply; <paramref name="Problem"/> says how, in the operator's words.</summary>
public sealed record PlanRegression(string Query, int Line, string Problem, QueryPlan Before, QueryPlan After);
