# syntax=docker/dockerfile:1
# SPDX-License-Identifier: Apache-2.0
# One image recipe for every Quorum service: docker build --build-arg SERVICE=gateway -t quorum/gateway-service .
# (SERVICE is one of gateway, prefill, decode, verifier, ensemble; docker-compose.yml passes it.)

FROM eclipse-temurin:25-jdk AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    test -n "$SERVICE" || { echo "build with --build-arg SERVICE=<gateway|prefill|decode|verifier|ensemble>"; exit 1; }; \
    ./mvnw -B -ntp -DskipTests -Ddisable.checks=true -pl "${SERVICE}-service" -am package \
 && mkdir -p /out/models \
 && cp "${SERVICE}-service"/target/"${SERVICE}"-service-*.jar /out/app.jar \
 # the JVM flags have one home, the quorum.jvm.flags property of pom.xml; the JVM reads them as an @argfile
 && sed -n 's:.*<quorum.jvm.flags>\(.*\)</quorum.jvm.flags>.*:\1:p' pom.xml > /out/jvm.args \
 && echo "-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError" >> /out/jvm.args \
 # services that run models get the shipped GGUF files
 && case "$SERVICE" in decode|prefill|verifier) cp models/*.gguf /out/models/ 2>/dev/null || true ;; esac

FROM eclipse-temurin:25-jre
ARG SERVICE
# curl only for the container health check; the image runs as an unprivileged user.
RUN apt-get update && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 quorum \
 && useradd --system --uid 10001 --gid quorum --home-dir /app --shell /usr/sbin/nologin quorum
WORKDIR /app
COPY --from=build --chown=root:root /out/ /app/
ENV QUORUM_SERVICE=${SERVICE} QUORUM_MODELS_DIR=/app/models
USER 10001:10001
EXPOSE 8080 8081 8082 8083 8084
ENTRYPOINT ["java", "@/app/jvm.args", "-jar", "/app/app.jar"]
