using System.Net;
using System.Text.RegularExpressions;
using Pitchey.Deployment.IntegrationTests.Container;
using Pitchey.Deployment.IntegrationTests.Files;
using Pitchey.Deployment.IntegrationTests.Settings;

namespace Pitchey.Deployment.IntegrationTests.Compose;

/// <summary>
/// docker-compose.yml read as Compose reads it (.env.example for .env) and checked against the project:
/// every setting name the gateways get is one the gateway reads, every port and host it wires is where
/// the other side listens, every file it mounts exists, every secret comes from the env file.
/// </summary>
public sealed partial class ComposeFileTests
{
    internal static readonly string[] Gateways = ["gateway-1", "gateway-2"];

    /// <summary>Files another branch of this wave adds; checked like every other file once they exist.</summary>
    private static readonly string[] Pending = ["config/grafana/pitchey-gateway.json"];

    [Fact]
    public void Variables_EveryOneUsedHasAnExampleValue_AndEveryExampleIsUsed()
    {
        var compose = Repo.Compose(); // a required ${VAR:?} without a value fails here

        Assert.Equal(Repo.ComposeVariables().Keys.Order(StringComparer.Ordinal), compose.Variables.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Secrets_ComeOnlyFromTheEnvFile()
    {
        var raw = Yaml.Document(Repo.PathOf("docker-compose.yml")); // before interpolation
        var checkedAny = false;
        foreach (var service in raw.Map("services").Children.Values)
        {
            foreach (var (name, value) in service.Pairs("environment"))
            {
                if (SecretName().IsMatch(name))
                {
                    Assert.Matches(@"^\$\{[A-Z0-9_]+:\?[^}]*\}$", value);
                    checkedAny = true;
                }

                foreach (Match password in PasswordInConnectionString().Matches(value))
                {
                    Assert.StartsWith("${", password.Groups[1].Value, StringComparison.Ordinal);
                }
            }
        }

        Assert.True(checkedAny);
    }

    [Fact]
    public void GatewayImageServices_SetOnlySettingsTheGatewayReads()
    {
        var compose = Repo.Compose();
        var services = Gateways.Append("migrate").Select(compose.Service).ToList();

        Assert.All(services, service =>
        {
            Assert.Equal("gateway", service.BuildTarget);
            Assert.Equal(compose.Service(Gateways[0]).Image, service.Image);
            Assert.All(service.Environment.Keys, name => Assert.True(KnownSettings.Gateway.KnowsVariable(name), $"{service.Name}: {name} is read by nothing"));
        });
        Assert.Equal(".", compose.Service(Gateways[0]).BuildContext);
        Repo.Dockerfile().Stage("gateway");
    }

    [Fact]
    public void Migrate_RunsApplyOnceBeforeTheGateways_OnAFileTheImageHas()
    {
        var compose = Repo.Compose();
        var migrate = compose.Service("migrate");

        Assert.Equal(["migrate", "apply", "config/sql/indexes.sql"], migrate.Command);
        Repo.AssertInImage(migrate.Command[2]);
        Assert.Equal("true", migrate.Node.Text("healthcheck", "disable"));
        Assert.Equal("no", migrate.Node.Text("restart"));
        Assert.Equal("service_healthy", migrate.DependsOn["postgres-primary"]);
        Assert.All(Gateways, g => Assert.Equal("service_completed_successfully", compose.Service(g).DependsOn["migrate"]));
    }

    [Fact]
    public void Gateways_ListenWhereTheImageExposes_AndPublishNothing()
    {
        var compose = Repo.Compose();
        var image = Repo.Dockerfile().Default.Exposed.Order().ToList();

        Assert.All(Gateways.Select(compose.Service), gateway =>
        {
            Assert.Equal(DockerfileTests.PublicPort, Endpoint.FromUrl(gateway.Environment["Urls"]).Port);
            Assert.Equal(DockerfileTests.ManagementPort, Endpoint.FromUrl(gateway.Environment["Management__Urls"]).Port);
            Assert.Equal(image, gateway.Exposed.Order());
            Assert.Empty(gateway.PublishedContainerPorts);
        });
    }

    [Fact]
    public void Ports_OnlyTheBalancerIsPublic_ConsolesOnLoopback()
    {
        var compose = Repo.Compose();

        Assert.Equal(["8080:8080"], compose.Service("lb").Node.Strings("ports"));
        Assert.Equal(["127.0.0.1:9090:9090"], compose.Service("prometheus").Node.Strings("ports"));
        Assert.Equal(["127.0.0.1:3000:3000"], compose.Service("grafana").Node.Strings("ports"));
        var others = compose.Services.Values.Where(s => s.Name is not ("lb" or "prometheus" or "grafana"));
        Assert.All(others, s => Assert.Empty(s.PublishedContainerPorts));
    }

    [Fact]
    public void Wiring_EveryHostAndPortIsAServiceOfThisFileWhereItListens()
    {
        var compose = Repo.Compose();
        var gateway = compose.Service(Gateways[0]);
        var standIn = compose.Service("standin");
        var standInPort = Endpoint.FromUrl(standIn.Environment["ASPNETCORE_URLS"]).Port;

        Assert.Equal(new Endpoint("postgres-primary", 5432), Endpoint.FromConnectionString(gateway.Environment["Database__Primary"]));
        Assert.Equal(new Endpoint("postgres-replica", 5432), Endpoint.FromConnectionString(gateway.Environment["Database__Replicas__0"]));
        Assert.Equal(gateway.Environment["Database__Primary"], compose.Service("migrate").Environment["Database__Primary"]);
        Assert.Equal("postgres-primary", compose.Service("postgres-replica").Environment["PRIMARY_HOST"]);
        Assert.Equal("5432", compose.Service("postgres-replica").Environment["PRIMARY_PORT"]);
        Assert.Equal(new Endpoint("standin", standInPort), Endpoint.FromUrl(gateway.Environment["ReverseProxy__Clusters__api__Destinations__d1__Address"]));
        Assert.Contains(standInPort, standIn.Exposed);
        Assert.Equal(Repo.Dockerfile().Stage("standin").Exposed, standIn.Exposed);
        Assert.Equal(new Endpoint("redis", 6379), Endpoint.FromHostPort(gateway.Environment["Cache__Redis"]));
        Assert.Equal(new Endpoint("redis", 6379), Endpoint.FromHostPort(gateway.Environment["RateLimiting__Redis"]));
        Assert.Contains(6379, compose.Service("redis").Exposed);

        var otlp = Endpoint.FromUrl(gateway.Environment["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var collector = Yaml.Document(Repo.PathOf("config/otel/collector.yaml"));
        Assert.Equal("otel-collector", otlp.Host);
        Assert.Equal(otlp.Port, Endpoint.FromHostPort(collector.RequiredText("receivers", "otlp", "protocols", "grpc", "endpoint")).Port);
        Assert.Contains(otlp.Port, compose.Service("otel-collector").Exposed);
        Assert.Equal("/etc/otelcol/config.yaml", BindTarget(compose.Service("otel-collector"), "config/otel/collector.yaml"));
        Assert.Equal(["--config=/etc/otelcol/config.yaml"], compose.Service("otel-collector").Command);

        var datasource = Yaml.Document(Repo.PathOf("config/grafana/provisioning/datasources/prometheus.yaml"));
        Assert.Equal(new Endpoint("prometheus", compose.Service("prometheus").PublishedContainerPorts.Single()), Endpoint.FromUrl(datasource.RequiredText("datasources", "0", "url")));

        Assert.All(compose.Services.Values.SelectMany(s => s.DependsOn.Keys), name => compose.Service(name));
        Assert.All(Gateways, g => Assert.Equal("service_healthy", compose.Service(g).DependsOn["postgres-primary"]));
    }

    [Fact]
    public void LoadBalancer_BalancesTheGatewaysPublicPorts_OnReadiness_AndIsTheOnlyTrustedProxy()
    {
        var compose = Repo.Compose();
        var lb = compose.Service("lb");
        var haproxy = HaproxyConfig.Read();

        Assert.Equal("/usr/local/etc/haproxy/haproxy.cfg", BindTarget(lb, HaproxyConfig.File));
        Assert.Equal(Gateways.Select(g => (g, $"{g}:{DockerfileTests.PublicPort}")), haproxy.Servers.Order());
        Assert.Equal([haproxy.BindPort], lb.PublishedContainerPorts);
        Assert.Equal("/health/ready", haproxy.CheckPath);
        var address = lb.Node.RequiredText("networks", "default", "ipv4_address");
        var subnet = IPNetwork.Parse(compose.Root.RequiredText("networks", "default", "ipam", "config", "0", "subnet"));
        Assert.True(subnet.Contains(IPAddress.Parse(address)));
        Assert.All(Gateways.Select(compose.Service), gateway =>
        {
            Assert.Contains(haproxy.CheckHost, gateway.Environment["AllowedHosts"].Split(';'));
            Assert.Equal(address, gateway.Environment["Proxy__TrustedProxies__0"]);
        });
    }

    [Fact]
    public void Prometheus_ScrapesEachGatewaysManagementPortAtMetrics()
    {
        var compose = Repo.Compose();
        var prometheus = compose.Service("prometheus");
        var scrape = Yaml.Document(Repo.PathOf("config/prometheus/prometheus.yml")).Map("scrape_configs", "0");

        Assert.Equal("/etc/prometheus/prometheus.yml", BindTarget(prometheus, "config/prometheus/prometheus.yml"));
        Assert.Equal("/metrics", scrape.Text("metrics_path"));
        Assert.Equal(Gateways.Select(g => $"{g}:{DockerfileTests.ManagementPort}"), scrape.Strings("static_configs", "0", "targets"));
        // Without an API key in the scrape config, the gateways must leave /metrics open, and accept the scraper's Host.
        Assert.Null(scrape.Find("authorization"));
        Assert.All(Gateways.Select(compose.Service), gateway =>
        {
            Assert.Equal("true", gateway.Environment["Management__MetricsAnonymous"]);
            Assert.Contains(gateway.Name, gateway.Environment.Where(e => e.Key.StartsWith("Management__AllowedHosts__", StringComparison.Ordinal)).Select(e => e.Value));
        });
    }

    [Fact]
    public void Mounts_EveryFileExists_WhereTheImageReadsIt()
    {
        var compose = Repo.Compose();

        var binds = compose.Services.Values.SelectMany(s => s.Binds).ToList();
        Assert.NotEmpty(binds);
        Assert.All(binds, bind =>
        {
            var source = Repo.Relative(bind.Source);
            Assert.True(Repo.Exists(source) || Pending.Contains(source), $"{source} does not exist");
        });
        var primary = compose.Service("postgres-primary");
        Assert.Equal("/docker-entrypoint-initdb.d/10-replication.sh", BindTarget(primary, "config/postgres/primary-init.sh"));
        Assert.Equal("/docker-entrypoint-initdb.d/20-schema.sql", BindTarget(primary, "config/sql/schema.sql"));
        var replica = compose.Service("postgres-replica");
        Assert.Equal(["bash", BindTarget(replica, "config/postgres/replica-entrypoint.sh")], replica.Entrypoint);
        Assert.Equal(["docker-entrypoint.sh", "postgres"], replica.Command);
        var grafana = compose.Service("grafana");
        var dashboards = Yaml.Document(Repo.PathOf("config/grafana/provisioning/dashboards/pitchey.yaml")).RequiredText("providers", "0", "options", "path");
        Assert.Equal($"{dashboards}/pitchey-gateway.json", BindTarget(grafana, "config/grafana/pitchey-gateway.json"));
        Assert.Equal("/etc/grafana/provisioning", BindTarget(grafana, "config/grafana/provisioning"));
    }

    [Fact]
    public void OtherServices_SetOnlyVariablesTheirImageOrScriptReads()
    {
        var compose = Repo.Compose();
        var primaryScript = File.ReadAllText(Repo.PathOf("config/postgres/primary-init.sh"));
        var replicaScript = File.ReadAllText(Repo.PathOf("config/postgres/replica-entrypoint.sh"));
        string[] postgresImage = ["POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_DB"];

        Assert.All(compose.Service("postgres-primary").Environment.Keys, name =>
            Assert.True(postgresImage.Contains(name) || primaryScript.Contains("$" + name, StringComparison.Ordinal) || primaryScript.Contains("{" + name, StringComparison.Ordinal), name));
        Assert.All(compose.Service("postgres-replica").Environment.Keys, name =>
            Assert.True(replicaScript.Contains("${" + name, StringComparison.Ordinal), name));
        Assert.Equal(["ASPNETCORE_URLS"], compose.Service("standin").Environment.Keys);
        Assert.All(compose.Service("grafana").Environment.Keys, name => Assert.StartsWith("GF_", name, StringComparison.Ordinal));
    }

    private static string BindTarget(ComposeService service, string source) =>
        service.Binds.Where(b => Repo.Relative(b.Source) == source).Select(b => b.Target).SingleOrDefault()
        ?? throw new Xunit.Sdk.XunitException($"{service.Name} does not mount {source}");

    [GeneratedRegex("(PASSWORD|SECRET|KEY)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex("Password=([^;]*)", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordInConnectionString();
}
