#!/usr/bin/env bash
# Starts a real single-node Slurm (Debian 12's slurm-wlm 22.05 and munge) on this machine, as root,
# without systemd: writes /etc/slurm/slurm.conf for one node with all its cores, creates a munge key if
# there is none, and starts munged, slurmctld and slurmd. Idempotent: daemons already running are kept.
#   sudo bash bench/slurm/start-single-node.sh
# Exits 3 (and says why) when Slurm cannot run here: not root, slurm-wlm/munge missing and apt
# unreachable, or the daemons do not start or the node does not come up.
set -euo pipefail

if [ "$(id -u)" -ne 0 ]; then echo "start-single-node: needs root (it writes /etc/slurm and starts daemons)"; exit 3; fi
if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
  echo "start-single-node: installing slurm-wlm and munge with apt"
  if ! (DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null 2>&1 &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q slurm-wlm munge >/dev/null 2>&1); then
    echo "start-single-node: apt could not install slurm-wlm and munge (no package mirror reachable?)"
    exit 3
  fi
fi

host="$(hostname -s)"
cpus="$(nproc)"
memory_mb="$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 - 512 ))"
mkdir -p /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm /run/munge
# One node that is its own controller; processes tracked without cgroups (containers often have none).
cat > /etc/slurm/slurm.conf <<CONF
ClusterName=rlspec
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
ReturnToService=2
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
JobCompType=jobcomp/none
MpiDefault=none
NodeName=$host CPUs=$cpus RealMemory=$memory_mb State=UNKNOWN
PartitionName=rlspec Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF

if [ ! -s /etc/munge/munge.key ]; then
  mkdir -p /etc/munge
  dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key status=none
fi
chown -R munge:munge /etc/munge /run/munge /var/lib/munge /var/log/munge 2>/dev/null || true
chmod 0400 /etc/munge/munge.key
chmod 0755 /run/munge

# A daemon that does not start is a property of this machine (no hostname resolution, a restricted
# container), not of the experiment being proved: exit 3 with the reason.
cannot() { echo "start-single-node: $1"; tail -n 5 /var/log/slurm/*.log 2>/dev/null || true; exit 3; }
pgrep -x munged >/dev/null || runuser -u munge -- /usr/sbin/munged || cannot "munged did not start"
pgrep -x slurmctld >/dev/null || /usr/sbin/slurmctld || cannot "slurmctld did not start"
pgrep -x slurmd >/dev/null || /usr/sbin/slurmd || cannot "slurmd did not start"

# Wait until the node takes jobs.
for _ in $(seq 1 30); do
  state="$(sinfo -h -N -o '%T' 2>/dev/null | head -1 || true)"
  case "$state" in idle|mixed|allocated) echo "start-single-node: Slurm is up ($host, $cpus CPUs, state $state)"; exit 0 ;; esac
  sleep 1
done
cannot "the node did not become idle within 30 s; last state '${state:-none}'"
