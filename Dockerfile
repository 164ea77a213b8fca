# syntax=docker/dockerfile:1.7
#
# One image pattern for every Bantam service and the gateway:
#
#   docker build --build-arg MODULE=identity-service -t bantam/identity-service:0.1.0 .
#
# MODULE is the Maven module (identity-service, relationship-service, booking-service, task-service,
# notes-service, gateway). docker-compose.yml builds all six this way.
#
# Stages:
#   build   the Maven wrapper builds the module's Spring Boot jar (<module>-<version>-exec.jar), then the jar is
#           extracted into its layers (java -Djarmode=tools ... extract --layers): dependencies, snapshot
#           dependencies (our platform modules), application. No --launcher: AppCDS archives classes loaded
#           from jars on the class path, not from an exploded launcher directory, so the application stays a
#           thin application.jar whose manifest names lib/*.jar.
#   runtime distroless Java 17 (no shell, no package manager), non-root (uid 65532). A training run during the
#           build (-Dspring.context.exit=onRefresh: the context refreshes, then the JVM exits) writes an
#           AppCDS archive; every start maps it. -Xshare:auto: an archive that does not match (another JVM)
#           is ignored with a warning, never a failed start. Measurements: docs/operations.md, "Images".
#
# Versions are pinned: the build image by its full JDK version, the runtime image by digest (refresh it with
# `crane digest gcr.io/distroless/java17-debian12:nonroot`, or let Renovate do it).

ARG BUILD_IMAGE=eclipse-temurin:17.0.15_6-jdk-noble
ARG RUNTIME_IMAGE=gcr.io/distroless/java17-debian12:nonroot@sha256:06484c2a9dcc9070aeafbc0fe752cb9f73bc0cea5c311f6a516e9010061998ad

FROM ${BUILD_IMAGE} AS build
ARG MODULE
WORKDIR /src
# The whole reactor (see .dockerignore): the module is built with the platform modules it depends on (-am).
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    test -n "${MODULE}" || { echo "build with --build-arg MODULE=<module>" >&2; exit 1; } \
    && ./mvnw -B -ntp -pl "${MODULE}" -am -DskipTests package \
    && java -Djarmode=tools -jar "${MODULE}"/target/"${MODULE}"-*-exec.jar extract --layers \
         --application-filename application.jar --destination /layers \
    && mkdir -p /healthcheck /data \
    && javac --release 17 -d /healthcheck deploy/docker/HealthCheck.java

FROM ${RUNTIME_IMAGE} AS runtime
ARG MODULE
LABEL org.opencontainers.image.title="bantam-${MODULE}" \
      org.opencontainers.image.source="https://github.com/bantam/bantam" \
      org.opencontainers.image.licenses="Apache-2.0"
# root while the image is put together (the nonroot base would otherwise own nothing it may write to); the files
# stay root-owned and read-only for the runtime user set below
USER 0:0
WORKDIR /app
# Least changing first, so a code change rebuilds only the last layers.
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /healthcheck/ ./healthcheck/
# An empty data folder the runtime user owns: a volume mounted here starts with that ownership (identity-service
# keeps its generated signing key there when BANTAM_DATA_DIR points at it, as in docker-compose.yml).
COPY --from=build --chown=65532:65532 /data/ /var/lib/bantam/
COPY --from=build /layers/application/ ./
# AppCDS training run, in exec form (there is no shell here) with the runtime's own JVM, which is what the
# archive must match. Flyway is off and nothing is reachable: the run only loads and links the classes a
# start needs.
RUN ["java", "-XX:ArchiveClassesAtExit=/app/application.jsa", "-Dspring.context.exit=onRefresh", \
     "-Dspring.flyway.enabled=false", "-Dspring.main.banner-mode=off", "-jar", "/app/application.jar"]
USER 65532:65532
# The JVM sizes its heap from the container's memory limit; an OutOfMemoryError ends the process so the
# orchestrator restarts it instead of leaving a half-working JVM. JAVA_TOOL_OPTIONS adds options per deployment.
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/application.jsa", "-Xshare:auto", \
            "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/application.jar"]
# For `docker run` and Compose; Kubernetes ignores it and uses the actuator probes of the Deployment.
# A tiny JVM (no shell, no curl here) asks /actuator/health/readiness on $SERVER_PORT.
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
    CMD ["java", "-Xshare:off", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx16m", \
         "-cp", "/app/healthcheck", "HealthCheck"]
