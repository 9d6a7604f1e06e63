#!/usr/bin/env bash
# Starts a service or job the way the shop hosts do: the module's runnable jar plus the payment
# SDK installed on the host (deploy/runtime.properties). Locally the SDK comes from the build.
#
#   deploy/run.sh <module> [application arguments...]
#   deploy/run.sh order-retry-job --run-once
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
module=${1:?usage: deploy/run.sh <module> [arguments...]}
shift

sdk_version=$(sed -n 's/^payment-sdk\.version=//p' "$root/deploy/runtime.properties")
if [[ -n "${PAYMENT_SDK_HOME:-}" ]]; then
  sdk=$PAYMENT_SDK_HOME
else
  sdk=$(ls "$root"/payment-sdk-v*/target/payment-sdk-"$sdk_version".jar 2>/dev/null | head -n 1 || true)
fi
if [[ -z "$sdk" || ! -e "$sdk" ]]; then
  echo "run.sh: payment-sdk $sdk_version not found; build first (./mvnw -B package -DskipTests) or set PAYMENT_SDK_HOME" >&2
  exit 4
fi

jar=$(ls "$root/$module"/target/"$module"-*-exec.jar 2>/dev/null | head -n 1 || true)
if [[ -z "$jar" ]]; then
  echo "run.sh: no runnable jar for '$module'; build first (./mvnw -B package -DskipTests)" >&2
  exit 4
fi

exec java ${JAVA_OPTS:-} -Dloader.path="$sdk" -jar "$jar" "$@"
