#!/usr/bin/env bash
# What a user of smbco gets, built the way CI publishes it: installs every artifact into the
# local Maven repository with its -sources jar and (-Pjavadoc) its -javadoc jar, where any
# Javadoc warning fails the build. Tests are not run here: ./run-tests has run them.
# Arguments go to Maven (e.g. -o). Run by .ci/run after ./run-tests.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/test-env.sh
source scripts/test-env.sh
mvn -B install -DskipTests -Pjavadoc "$@"
