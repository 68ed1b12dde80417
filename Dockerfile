FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
# Dependencies first, in a layer of their own: it is rebuilt only when the build files change.
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
# The jar extracted as Spring Boot's class-data sharing needs it (app/celianet.jar and its lib/), and a place for
# the archive that docker/start.sh trains at the container's first start.
COPY --from=build /src/target/celianet-*.jar /tmp/celianet.jar
RUN java -Djarmode=tools -jar /tmp/celianet.jar extract --destination /app --application-filename celianet.jar \
    && rm /tmp/celianet.jar && mkdir /app/cds && chown 1000 /app/cds
COPY docker/start.sh /app/start.sh
USER 1000
EXPOSE 8080
ENTRYPOINT ["/app/start.sh"]
