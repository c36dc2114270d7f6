#!/usr/bin/env bash
# What a user of smbco gets, built the way CI publishes it, then used the way a user would:
#   1. installs every artifact into the local Maven repository with its -sources jar and
#      (-Pjavadoc) its -javadoc jar, where any Javadoc warning fails the build; tests are not
#      run here (./run-tests has run them)
#   2. builds and tests examples/ (a Maven project outside the reactor that knows smbco only by
#      its coordinates) offline, against exactly what step 1 installed; its JUnit test starts a
#      Samba container from smbco-testcontainers
# Arguments go to both Maven runs (e.g. -Dmaven.repo.local=DIR). Run by .ci/run after ./run-tests.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/test-env.sh
source scripts/test-env.sh
# the javadoc plugin calls a module "up to date" when its options and package list are unchanged,
# even if comments changed (it lists no source files for a module-info build): make it look again
rm -f ./*/target/maven-javadoc-plugin-stale-data.txt
mvn -B install -DskipTests -Pjavadoc "$@"
mvn -B -o -f examples/pom.xml verify "$@"
