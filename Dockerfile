# syntax=docker/dockerfile:1
# Pitchey Gateway: built with the .NET SDK, run on the ASP.NET Core runtime as the non-root `app` user.
#
#   docker build -t pitchey-gateway .                                  # the gateway (the last stage)
#   docker build --target standin -t pitchey-standin .                 # the stand-in API (docker-compose.yml)
#   docker run -e Database__Primary -p 8080:8080 pitchey-gateway       # serve (secrets from the environment)
#   docker run --rm -e Database__Primary pitchey-gateway migrate apply config/sql/indexes.sql   # one-shot
#
# Settings: config/ is in the image at /app/config (appsettings.json, gateway.json, sql/); override any
# key with an environment variable (Section__Key) or mount a file over /app/config/appsettings.Production.json.
# Nothing secret is in the image: .dockerignore admits only the sources, the settings and the SQL.

ARG DOTNET_VERSION=10.0

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS restore
WORKDIR /src
# Project files first: a source change does not invalidate the restored packages layer.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Pitchey.Gateway/Pitchey.Gateway.csproj src/Pitchey.Gateway/
COPY src/Pitchey.Database/Pitchey.Database.csproj src/Pitchey.Database/
COPY src/Pitchey.Migrations/Pitchey.Migrations.csproj src/Pitchey.Migrations/
COPY loadtests/Pitchey.StandIn/Pitchey.StandIn.csproj loadtests/Pitchey.StandIn/
RUN dotnet restore src/Pitchey.Gateway/Pitchey.Gateway.csproj \
    && dotnet restore loadtests/Pitchey.StandIn/Pitchey.StandIn.csproj

FROM restore AS publish-gateway
COPY src/ src/
COPY config/ config/
# The project copies config/** next to the binary, so the published folder carries the settings and SQL.
RUN dotnet publish src/Pitchey.Gateway/Pitchey.Gateway.csproj -c Release --no-restore -o /out -p:UseAppHost=false

FROM restore AS publish-standin
COPY loadtests/Pitchey.StandIn/ loadtests/Pitchey.StandIn/
RUN dotnet publish loadtests/Pitchey.StandIn/Pitchey.StandIn.csproj -c Release --no-restore -o /out -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION} AS runtime
WORKDIR /app
# The image's default (ASPNETCORE_HTTP_PORTS=8080) is cleared: where each app listens is set below, in one place.
ENV ASPNETCORE_HTTP_PORTS=
# The .NET images' non-root user (uid 1654); the files stay root's, so the process cannot change its own code or settings.
USER $APP_UID

# The stand-in for the existing API, for docker-compose.yml: echoes every request, fault switches under /_standin.
FROM runtime AS standin
COPY --from=publish-standin /out /app
ENV ASPNETCORE_URLS=http://0.0.0.0:5080
EXPOSE 5080
ENTRYPOINT ["dotnet", "/app/Pitchey.StandIn.dll"]

# The gateway: the default target.
FROM runtime AS gateway
COPY --from=publish-gateway /out /app
# Public listener and management listener (/metrics and the admin endpoints), on every address of the container.
ENV Urls=http://0.0.0.0:8080 \
    Management__Urls=http://0.0.0.0:8081
EXPOSE 8080 8081
# The runtime image has no curl or wget; the gateway's own `probe` verb GETs /health/live on the
# address in Urls (127.0.0.1:8080) and exits 0 on 200, 1 otherwise. /health/live never waits on a
# check or the database, so a slow database does not make the container unhealthy (readiness does that).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["dotnet", "/app/Pitchey.Gateway.dll", "probe", "--timeout", "3s"]
ENTRYPOINT ["dotnet", "/app/Pitchey.Gateway.dll"]
CMD ["serve"]
