namespace Pitchey.Database.Routing;

/// <summary>The part of a read in flight that the retry strategy needs to see.</summary>
internal interface IReadAttempt
{
    bool NextIsAnotherHost();

    void OnRetry(bool otherHost);
}
