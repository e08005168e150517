namespace Pitchey.Gateway.Diagnostics;

/// <summary>
/// What the gateway exports to Prometheus, by the names Prometheus sees (the OpenTelemetry exporter
/// turns <c>pitchey.db.query.duration</c> in seconds into <c>pitchey_db_query_duration_seconds</c>,
/// counters get <c>_total</c>). The Grafana dashboard may query only these (a unit test checks),
/// and an integration test checks each is really on <c>/metrics</c> after traffic, with its labels.
/// docs/observability.md explains each one.
/// </summary>
internal static class MetricCatalog
{
    public const string Counter = "counter";
    public const string Gauge = "gauge";
    public const string Histogram = "histogram";

    private const string Replicas = "replicas configured";
    private const string Transition = "a breaker changed state";
    private const string Rejection = "a breaker rejected a request";

    public static readonly IReadOnlyList<ExportedMetric> All =
    [
        // The gateway's own meter (Pitchey.Gateway): probe cache, health runs, breakers, retries.
        new("pitchey_probe_served_total", Counter, ["probe"]),
        new("pitchey_probe_report_age_seconds", Gauge, []),
        new("pitchey_health_runs_total", Counter, ["status"]),
        new("pitchey_health_run_duration_seconds", Histogram, []),
        new("pitchey_breaker_state", Gauge, ["cluster"]),
        new("pitchey_breaker_transitions_total", Counter, ["cluster", "state"], Transition),
        new("pitchey_breaker_rejections_total", Counter, ["cluster"], Rejection),
        new("pitchey_upstream_retries_total", Counter, ["cluster"], "a connection to the upstream failed"),
        new("pitchey_alerts_active", Gauge, ["rule"], "alert rules configured"),
        new("pitchey_alerts_notifications_total", Counter, ["webhook", "outcome"], "a webhook was sent a notice"),

        // The response cache (Pitchey.Gateway meter): docs/caching.md.
        new("pitchey_cache_requests_total", Counter, ["result", "route"]),
        new("pitchey_cache_coalesced_waits_total", Counter, ["route", "outcome"], "concurrent misses of one key"),
        new("pitchey_cache_stale_served_total", Counter, ["route", "reason"], "an entry was served stale"),
        new("pitchey_cache_evictions_total", Counter, ["reason"], "a write evicted entries, or the size limit did"),
        new("pitchey_cache_refreshes_total", Counter, ["route", "outcome"], "a background refresh ran"),
        new("pitchey_cache_store_errors_total", Counter, ["operation"], "Redis failed under the shared cache"),
        new("pitchey_cache_size_bytes", Gauge, []),
        new("pitchey_cache_entries", Gauge, []),

        // The database module's meter (Pitchey.Database): tuned queries, routing, hosts, replicas.
        new("pitchey_db_query_duration_seconds", Histogram, ["query", "host"]),
        new("pitchey_db_reads_total", Counter, ["query", "target"]),
        new("pitchey_db_writes_total", Counter, ["query"], "a routed write"),
        new("pitchey_db_read_retries_total", Counter, ["kind"], "a read failed transiently"),
        new("pitchey_db_breaker_rejections_total", Counter, [], "the primary's breaker opened"),
        new("pitchey_db_host_up", Gauge, ["host", "endpoint"]),
        new("pitchey_db_host_latency_milliseconds", Gauge, ["host", "endpoint"]),
        new("pitchey_db_replica_lag_seconds", Gauge, ["host", "endpoint"], Replicas),
        new("pitchey_db_replica_lag_bytes", Gauge, ["host", "endpoint"], Replicas),
        new("pitchey_db_slow_queries_total", Counter, ["query", "host"], "a tuned query reached its slow-query threshold"),
        new("pitchey_db_insight_reads_total", Counter, ["host", "status"], "a round of the database insight finished"),
        new("pitchey_db_recommendations", Gauge, ["kind", "severity"], "the database insight has a recommendation"),

        // Npgsql's pool and command metrics, one series per data source (pool name = host name).
        new("db_client_connection_count", Gauge, ["db_client_connection_pool_name", "db_client_connection_state"]),
        new("db_client_connection_max", Gauge, ["db_client_connection_pool_name"]),
        new("db_client_connection_npgsql_create_time_seconds", Histogram, ["db_client_connection_pool_name"]),
        new("db_client_connection_npgsql_pending_requests", Gauge, ["db_client_connection_pool_name"], "a caller waited for a pooled connection"),
        new("db_client_connection_npgsql_timeouts_total", Counter, ["db_client_connection_pool_name"], "a wait for a pooled connection timed out"),
        new("db_client_operation_duration_seconds", Histogram, ["db_client_connection_pool_name"]),

        // ASP.NET Core and Kestrel (public listener only: management requests are not measured).
        new("http_server_request_duration_seconds", Histogram, ["http_request_method", "http_response_status_code"]),
        new("http_server_active_requests", Gauge, ["http_request_method"]),
        new("kestrel_active_connections", Gauge, ["server_port"]),

        // The forwarding client (YARP's SocketsHttpHandler, System.Net.Http).
        new("http_client_request_duration_seconds", Histogram, ["server_address", "http_request_method"]),
        new("http_client_open_connections", Gauge, ["server_address", "http_connection_state"]),

        // Polly's telemetry: the database module's pipelines (retries, the primary's breaker).
        new("resilience_polly_strategy_events_total", Counter, ["pipeline_name", "event_name"]),

        // The .NET runtime.
        new("dotnet_gc_collections_total", Counter, ["gc_heap_generation"]),
        new("dotnet_process_cpu_time_seconds_total", Counter, ["cpu_mode"]),
        new("dotnet_gc_heap_total_allocated_bytes_total", Counter, []),
        new("dotnet_assembly_count", Gauge, []),
    ];
}
