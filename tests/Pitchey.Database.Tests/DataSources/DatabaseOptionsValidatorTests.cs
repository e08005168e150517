using Pitchey.Database.DataSources;

namespace Pitchey.Database.Tests.DataSources;

public sealed class DatabaseOptionsValidatorTests
{
    private readonly DatabaseOptionsValidator _validator = new();

    [Fact]
    public void Validate_PrimaryAndReplicas_Succeeds()
    {
        var options = new DatabaseOptions { Primary = "Host=127.0.0.1;Port=5433;Database=pitchey;Username=pitchey;Password=x" };
        options.Replicas.Add("Host=127.0.0.1;Port=5434;Database=pitchey");

        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_MissingPrimaryAndApplicationName_NamesBothKeys()
    {
        var options = new DatabaseOptions { ApplicationName = " " };

        var result = _validator.Validate(null, options);

        Assert.Equal(
            "Database:Primary (the primary's connection string) is required.; " +
            "Database:ApplicationName (the name shown in pg_stat_activity) is required.",
            result.FailureMessage);
    }

    [Fact]
    public void Validate_MalformedConnectionStrings_NameTheirKeysNeverTheirText()
    {
        var options = new DatabaseOptions { Primary = "Host=db;Password=hunter2;Port=not-a-port" };
        options.Replicas.Add("Host=replica1");
        options.Replicas.Add("Password=hunter2;garbage");
        options.Replicas.Add("Password=hunter2"); // parses, but names no host to connect to
        options.Replicas.Add("");

        var result = _validator.Validate(null, options);

        Assert.Equal(
            "Database:Primary is not a valid Npgsql connection string.; " +
            "Database:Replicas:1 is not a valid Npgsql connection string.; " +
            "Database:Replicas:2 is not a valid Npgsql connection string.; " +
            "Database:Replicas:3 is not a valid Npgsql connection string.",
            result.FailureMessage);
    }
}
