#!/usr/bin/env python3
"""Split the plans of policy_data/ into groups for shard builds (the CI job matrix).

    python scripts/shard_plans.py --groups 4            # one line per group: a,b,c
    python scripts/shard_plans.py --groups 4 --json     # ["a,b,c", "d,e"] for a CI matrix

Plans are the folders of policy_data/plans/, in name order, dealt round-robin so that groups are even.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def groups(data: Path, count: int) -> list[str]:
    plans = sorted(p.name for p in (data / "plans").iterdir() if p.is_dir() and (p / "plan.yaml").is_file())
    dealt = [plans[start::count] for start in range(max(1, min(count, len(plans))))]
    return [",".join(group) for group in dealt if group]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--groups", type=int, default=4)
    parser.add_argument("--data", type=Path, default=ROOT / "policy_data")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    found = groups(args.data, args.groups)
    print(json.dumps(found) if args.json else "\n".join(found))
    return 0


if __name__ == "__main__":
    sys.exit(main())
