#!/usr/bin/env python3
"""claimlint as a map step on Apache Spark (see docs/scale.md).

    spark_job.py run --binary PATH --input ARCHIVE.ndjson --output FINDINGS.jsonl [--partitions N]
        [--slices M]
    spark_job.py compare DIRECT.jsonl SPARK.jsonl [--chunk LINES]

`run` ships the binary to the executors (SparkContext.addFile, the same as spark-submit
--files), reads the NDJSON archive as text lines, and in mapPartitions pipes each partition's
lines into `claimlint check --stdin-filename archive.ndjson --format jsonl`: one process per
partition, one JSON line per finding, each naming its record: by its own `id` when the reader
names records so, else by its line (`line N`), which is renamed here to its line in the whole
archive (each process numbers the lines of its own partition).
Without a cluster it runs in local mode with N worker threads (`local[N]`).

`compare` checks that two JSONL outputs hold the same findings record for record. Byte offsets
and line numbers are positions in the file each process read (the whole archive, or one
partition), so they differ between a direct run and Spark; the record, code, severity,
message, columns and label texts do not, and those are compared.
"""

import argparse
import collections
import json
import os
import re
import stat
import subprocess
import sys
import time

NAME = "archive.ndjson"


def global_record(finding, first_line):
    """A record named by its line (`line N`, when it has no `id`) is renamed to its line in the
    whole archive: the partition that was read starts at line `first_line`."""
    m = re.fullmatch(r"line (\d+)", finding.get("record") or "")
    if m:
        finding["record"] = f"line {int(m.group(1)) + first_line - 1}"
    return finding


def claimlint_partition(index, lines, firsts):
    """Run the shipped binary on one partition's NDJSON lines; yield its JSONL lines."""
    from pyspark import SparkFiles

    binary = SparkFiles.get("claimlint")
    mode = os.stat(binary).st_mode
    if not mode & stat.S_IXUSR:
        os.chmod(binary, mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    data = "".join(line + "\n" for line in lines).encode("utf-8")
    if not data:
        return
    proc = subprocess.run(
        [binary, "check", "--stdin-filename", NAME, "--format", "jsonl", "--exit-zero", "-q"],
        input=data,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(
            f"claimlint exited {proc.returncode}: {proc.stderr.decode('utf-8', 'replace')}"
        )
    for line in proc.stdout.decode("utf-8").splitlines():
        yield json.dumps(global_record(json.loads(line), firsts.value[index]), ensure_ascii=False)


def run(args):
    from pyspark.sql import SparkSession

    builder = SparkSession.builder
    if args.partitions:  # local mode; under spark-submit the master comes from --master
        builder = builder.master(f"local[{args.partitions}]")
    spark = (
        builder.appName("claimlint")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.memory", "1g")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    sc = spark.sparkContext
    sc.addFile(os.path.abspath(args.binary))
    records = sc.textFile(os.path.abspath(args.input), minPartitions=args.slices)
    partitions = records.getNumPartitions()
    if partitions < 2:
        sys.exit(f"spark_job: only {partitions} partition; need at least 2")
    started = time.monotonic()
    # The first archive line of each partition, for records named by their line.
    counts = records.mapPartitions(lambda it: [sum(1 for _ in it)]).collect()
    firsts = sc.broadcast([1 + sum(counts[:i]) for i in range(len(counts))])
    findings = records.mapPartitionsWithIndex(
        lambda i, it: claimlint_partition(i, it, firsts)
    ).collect()
    elapsed = time.monotonic() - started
    count = records.count()
    cores = args.partitions or sc.defaultParallelism
    spark.stop()
    with open(args.output, "w", encoding="utf-8") as out:
        for line in findings:
            out.write(line + "\n")
    print(
        f"spark: {count} records in {partitions} partitions on {sc.master}: "
        f"{len(findings)} findings in {elapsed:.1f} s "
        f"({count / elapsed:.0f} records/s, {count / elapsed / cores:.0f} per core)"
    )


def key(finding):
    """What a finding is, independent of where the checking process's input began."""
    labels = tuple(
        (l["primary"], l["column"], l["end_column"], l["text"], l["message"])
        for l in finding.get("labels", [])
    )
    return (finding.get("code"), finding.get("severity"), finding.get("message"), labels)


def load(path, chunk):
    """Findings by record. With `chunk`, the findings come from an archive split into files
    `part-K.ndjson` of `chunk` lines each, and `line N` of part K is line K*chunk+N."""
    by_record = collections.defaultdict(list)
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                part = re.search(r"part-(\d+)\.ndjson$", d.get("path", ""))
                if chunk and part:
                    global_record(d, int(part.group(1)) * chunk + 1)
                by_record[d.get("record")].append(key(d))
    return {r: sorted(v, key=repr) for r, v in by_record.items()}


def compare(args):
    direct, spark = load(args.direct, args.chunk), load(args.spark, 0)
    if None in direct or None in spark:
        sys.exit("compare: findings without a record name; records cannot be matched")
    missing = sorted(set(direct) - set(spark))
    extra = sorted(set(spark) - set(direct))
    differ = sorted(r for r in set(direct) & set(spark) if direct[r] != spark[r])
    total = sum(len(v) for v in direct.values())
    if missing or extra or differ:
        for name, rs in (("only in the direct run", missing), ("only under Spark", extra),
                         ("different", differ)):
            if rs:
                print(f"compare: {len(rs)} records {name}, e.g. {rs[:3]}")
        sys.exit(1)
    if total == 0:
        sys.exit("compare: no findings at all; the archive should contain contradictions")
    codes = collections.Counter(k[0] for v in direct.values() for k in v)
    print(
        f"compare: identical, record for record: {len(direct)} records with findings, "
        f"{total} findings ({', '.join(f'{c} {n}' for c, n in sorted(codes.items()))})"
    )


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("--binary", required=True)
    r.add_argument("--input", required=True)
    r.add_argument("--output", required=True)
    r.add_argument("--partitions", type=int, default=0,
                   help="run in local mode with this many worker threads")
    r.add_argument("--slices", type=int, default=2, help="minimum number of partitions")
    c = sub.add_parser("compare")
    c.add_argument("direct")
    c.add_argument("spark")
    c.add_argument("--chunk", type=int, default=0, help="lines per part file of the direct run")
    args = p.parse_args()
    (run if args.cmd == "run" else compare)(args)


if __name__ == "__main__":
    main()
