#!/usr/bin/env bash
# High availability (issue "High availability"; see failover.py): the topology of deploy/ha/topology
# (etcd, Patroni with a primary and a synchronous standby, two servers, HAProxy) with the primary's
# postmaster killed under load and a server instance killed behind HAProxy; and a server in a
# network namespace of its own cut off from PostgreSQL by nftables for 15 s (PostgreSQL: a cluster
# of this test's own). Uses the binaries in TOEDELING_BIN_DIR (default: the debug build).
# Network namespaces need root; without it the partition is left out, and said so.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/pg.sh
toedeling_install_prerequisites
toedeling_install_packages patroni etcd-server haproxy python3-etcd nftables iproute2
toedeling_process_test failover
# Whatever happens to the Python side, nothing of the topology or the namespace outlives the test.
trap 'deploy/ha/topology down --dir "$toedeling_process_work/ha" >/dev/null 2>&1 || true
      ip netns delete toedeling-part 2>/dev/null || true; ip link delete tdl-part0 2>/dev/null || true
      toedeling_pg_stop "$toedeling_process_work/data"; rm -rf "$toedeling_process_work"' EXIT
scenarios=("$@")
if [ ${#scenarios[@]} -eq 0 ]; then
    scenarios=(failover)
    if [ "$(id -u)" -eq 0 ]; then scenarios+=(partition); else
        echo "failover: not root, so no network namespaces: the partition scenario is left out" >&2; fi
fi
python3 scripts/tests/failover.py "${scenarios[@]}"
