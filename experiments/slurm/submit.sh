#!/usr/bin/env bash
# Submits an experiment to SLURM as a job array of N shards (sweep-array.sbatch) and a merge job
# (merge.sbatch) that runs once every shard has succeeded (--dependency=afterok:<array job>),
# and prints the two job ids. See experiments/slurm/README.md.
#
# Usage: experiments/slurm/submit.sh [OPTIONS] EXPERIMENT [-- SBATCH_OPTION...]
#
#   -n, --shards N         number of shards = array tasks (default 4)
#   -c, --cpus N           CPUs per array task, used as sweep threads (default: the
#                          #SBATCH --cpus-per-task line of sweep-array.sbatch)
#   -r, --results DIR      merged results folder (default results/NAME, NAME being the
#                          experiment's name: key, else its file name without .yaml)
#   -s, --shards-dir DIR   shard outputs (default RESULTS-shards); shard i goes to DIR/shard-i
#   -j, --jar PATH         the jar (default target/nqpf.jar of this repository); it is copied to
#                          SHARDS_DIR/nqpf.jar so that a rebuild cannot change queued jobs
#   -p, --max-parallel M   run at most M array tasks at a time (--array=0-<N-1>%M)
#   -h, --help             this help
#   -- SBATCH_OPTION...    passed to both sbatch calls, e.g. -- --partition=long --account=econ
#
# Environment: NQPF_MODULES, NQPF_JAVA, NQPF_JAVA_OPTS, NQPF_THREADS are passed on to the jobs
# (see the scripts' headers); sbatch's own variables (SBATCH_PARTITION, SBATCH_TIMELIMIT, ...)
# apply to both jobs.
#
# Prints, last, two lines for scripts:  ARRAY_JOB_ID=<id>  and  MERGE_JOB_ID=<id>.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; }
die() { echo "submit: $*" >&2; exit 2; }

shards=4 cpus="" results="" shards_dir="" jar="$repo/target/nqpf.jar" max_parallel="" experiment=""
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    -n|--shards) shards=${2:?}; shift 2 ;;
    -c|--cpus) cpus=${2:?}; shift 2 ;;
    -r|--results) results=${2:?}; shift 2 ;;
    -s|--shards-dir) shards_dir=${2:?}; shift 2 ;;
    -j|--jar) jar=${2:?}; shift 2 ;;
    -p|--max-parallel) max_parallel=${2:?}; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    --) shift; extra=("$@"); break ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) [ -z "$experiment" ] || die "more than one experiment: $experiment, $1"; experiment=$1; shift ;;
  esac
done
[ -n "$experiment" ] || { usage >&2; exit 2; }
[ -f "$experiment" ] || die "experiment file not found: $experiment"
for v in "$shards" ${cpus:+"$cpus"} ${max_parallel:+"$max_parallel"}; do
  case "$v" in ''|*[!0-9]*|0) die "not a positive whole number: $v" ;; esac
done
[ -f "$jar" ] || die "jar not found: $jar; build it with: (cd $repo && mvn -B -q package -DskipTests)"
command -v sbatch >/dev/null || die "sbatch not found: run this on a SLURM login node"

# The experiment's name: its top-level name: key, else its file name.
name=$(sed -n -E 's/^name:[[:space:]]*["'\'']?([A-Za-z0-9._-]+).*/\1/p' "$experiment" | head -n 1)
[ -n "$name" ] || name=$(basename "${experiment%.*}")
experiment=$(realpath "$experiment")
results=$(realpath -m "${results:-results/$name}")
shards_dir=$(realpath -m "${shards_dir:-$results-shards}")
logs=$shards_dir/logs

if [ -n "$(find "$shards_dir" -mindepth 1 -maxdepth 1 -name 'shard-*.partial' -print -quit 2>/dev/null)" ]; then
  echo "submit: note: $shards_dir holds interrupted shards (shard-*.partial): their tasks resume them" >&2
fi
[ ! -e "$results" ] || echo "submit: note: $results already exists" >&2
mkdir -p "$logs"
cp -f "$jar" "$shards_dir/nqpf.jar.tmp" && mv -f "$shards_dir/nqpf.jar.tmp" "$shards_dir/nqpf.jar"
jar=$shards_dir/nqpf.jar

# A task asking for more CPUs than any node has pends for ever ("Resources"), without a word: check
# against the largest node that sinfo reports (in the partition asked for, if any), and use its
# CPU count when the script's default (#SBATCH --cpus-per-task) is the larger.
default_cpus=$(sed -n 's/^#SBATCH --cpus-per-task=\([0-9]*\).*/\1/p' "$here/sweep-array.sbatch" | head -n 1)
partition_opt=()
for opt in "${extra[@]}"; do
  case "$opt" in --partition=*|-p=*) partition_opt=(--partition="${opt#*=}") ;; esac
done
[ -z "${SBATCH_PARTITION:-}" ] || [ ${#partition_opt[@]} -gt 0 ] || partition_opt=(--partition="$SBATCH_PARTITION")
node_cpus=$(sinfo -h "${partition_opt[@]}" -o '%c' 2>/dev/null | tr -d '+' | sort -n | tail -n 1 || true)
case "$node_cpus" in ''|*[!0-9]*) node_cpus="" ;; esac
if [ -n "$node_cpus" ]; then
  if [ -n "$cpus" ] && [ "$cpus" -gt "$node_cpus" ]; then
    die "--cpus $cpus is more than the $node_cpus CPUs of the largest node (sinfo); the tasks would pend for ever"
  fi
  if [ -z "$cpus" ] && [ -n "$default_cpus" ] && [ "$default_cpus" -gt "$node_cpus" ]; then
    echo "submit: note: the largest node has $node_cpus CPUs, fewer than the script's default $default_cpus: using --cpus $node_cpus" >&2
    cpus=$node_cpus
  fi
fi

array_opts=(--array="0-$((shards - 1))${max_parallel:+%$max_parallel}")
[ -z "$cpus" ] || array_opts+=(--cpus-per-task="$cpus")

job_id() { local out; out=$(sbatch --parsable "$@") || return 1; echo "${out%%;*}"; }

array_id=$(job_id "${array_opts[@]}" --job-name="nqpf-sweep-$name" \
  --output="$logs/sweep-%A_%a.out" --export="ALL,NQPF_SHARDS=$shards" "${extra[@]}" \
  "$here/sweep-array.sbatch" "$experiment" "$shards_dir" "$jar") \
  || die "sbatch of the sweep array failed"
if ! merge_id=$(job_id --dependency="afterok:$array_id" --kill-on-invalid-dep=yes \
  --job-name="nqpf-merge-$name" --output="$logs/merge-%j.out" --export="ALL,NQPF_SHARDS=$shards" \
  "${extra[@]}" "$here/merge.sbatch" "$shards_dir" "$results" "$jar"); then
  scancel "$array_id" || true
  die "sbatch of the merge job failed; array job $array_id cancelled"
fi

cat <<EOF
Submitted $experiment as $shards shards:
  sweep array job $array_id (tasks ${array_id}_[0-$((shards - 1))]) -> $shards_dir/shard-<i>
  merge job $merge_id (starts when every task has succeeded) -> $results
  logs: $logs/
Follow with: squeue -j $array_id,$merge_id    Cancel with: scancel $array_id $merge_id
ARRAY_JOB_ID=$array_id
MERGE_JOB_ID=$merge_id
EOF
