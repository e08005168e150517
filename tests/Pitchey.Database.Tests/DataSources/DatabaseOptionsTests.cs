using System.ComponentModel.DataAnnotations;
using Pitchey.Database.DataSources;

namespace Pitchey.Database.Tests.DataSources;

public sealed class DatabaseOptionsTests
{
    [Fact]
    public void Validate_MissingPrimary_NamesTheSetting()
    {
        var options = new DatabaseOptions();
        var results = new List<ValidationResult>();

        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);

        Assert.Contains(results, r => r.ErrorMessage!.Contains("Database:Primary", StringComparison.Ordinal));
    }
}
