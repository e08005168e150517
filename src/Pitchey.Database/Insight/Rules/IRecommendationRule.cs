namespace Pitchey.Database.Insight.Rules;

/// <summary>One kind of advice, drawn from a snapshot: adds its recommendations (and notes on advice it withholds) to the context.</summary>
internal interface IRecommendationRule
{
    void Evaluate(AdviceContext context);
}
