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
COPY --from=build /src/target/celianet-*.jar /app/celianet.jar
USER 1000
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/celianet.jar"]
