#!/bin/sh
# Starts Celianet in its container with Spring Boot's class-data sharing (CDS). The archive is trained by a start
# that reaches the database, as every start does, and stops once the application context has refreshed; the
# container's first start trains it, and every later start of the same container uses it. Without an archive, or
# with one that no longer matches the jar, Java starts without it.
set -e
home=${CELIANET_HOME:-/app}
archive=$home/cds/celianet.jsa
if [ ! -f "$archive" ]; then
  echo "Training the class-data archive (first start of this container)…"
  java -XX:ArchiveClassesAtExit="$archive" -Xlog:cds=off -Dspring.context.exit=onRefresh -jar "$home/celianet.jar" "$@" \
    || { echo "Training the class-data archive failed: starting without it" >&2; rm -f "$archive"; }
fi
exec java $JAVA_OPTS -XX:SharedArchiveFile="$archive" -jar "$home/celianet.jar" "$@"
