using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Pitchey.Database.Configuration;

/// <summary>How every options class is registered: bound from its section, validated by its one validator, at start-up.</summary>
public static class OptionsRegistration
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> from <paramref name="sectionName"/>, validates it with
    /// <typeparamref name="TValidator"/> and checks it when the host starts, so a wrong setting stops
    /// start-up with a message naming its key instead of failing on the first request that reads it.
    /// </summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, string sectionName)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
        return services.AddOptions<TOptions>().BindConfiguration(sectionName).ValidateOnStart();
    }
}
