# OCOP Marketplace application image. The build stage runs the Maven Wrapper; the runtime stage holds only
# the JRE and storefront.jar. PostgreSQL and Elasticsearch come from outside (see docker-compose.yml).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY devservices devservices
COPY catalog catalog
COPY search search
COPY orders orders
COPY storefront storefront
COPY bench bench
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --home-dir /app ocop && mkdir -p /app/data && chown ocop /app/data
WORKDIR /app
COPY --from=build /src/storefront/target/storefront.jar storefront.jar
USER ocop
ENV OCOP_DATA_DIR=/app/data
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/storefront.jar"]
