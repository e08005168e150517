using Microsoft.Extensions.Options;
using Pitchey.Database.Configuration;
using static Pitchey.Gateway.RoutingHeaders.DatabaseRoutingHttpConstants;

namespace Pitchey.Gateway.RoutingHeaders;

/// <summary>Every <c>Database:Routing:Http</c> setting within its bounds; each failure names its full key.</summary>
internal sealed class DatabaseRoutingHttpOptionsValidator : IValidateOptions<DatabaseRoutingHttpOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseRoutingHttpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new OptionsErrors(DatabaseRoutingHttpOptions.SectionName);
        errors.InRange(nameof(options.LsnCookieMaxAge), options.LsnCookieMaxAge, MinLsnCookieMaxAge, MaxLsnCookieMaxAge);
        if (options.LsnSigningKey is { Length: < MinLsnSigningKeyLength })
        {
            errors.Add(nameof(options.LsnSigningKey), $"must be at least {MinLsnSigningKeyLength} characters.");
        }

        return errors.Result;
    }
}
