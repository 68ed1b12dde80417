FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/celianet-*.jar /app/celianet.jar
USER 1000
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/celianet.jar"]
