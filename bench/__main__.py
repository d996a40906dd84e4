"""`python -m bench NAME [args…]`: run the benchmark in bench/NAME.py (its ``main(argv)``)."""

from __future__ import annotations

import importlib
import pkgutil
import sys

import bench


def main(argv: list[str]) -> int:
    names = sorted(
        m.name for m in pkgutil.iter_modules(bench.__path__) if not m.name.startswith("_")
    )
    if not argv or argv[0] not in names:
        print(f"usage: python -m bench NAME [args…]; benchmarks: {', '.join(names)}")
        return 2
    module = importlib.import_module(f"bench.{argv[0]}")
    code: int = module.main(argv[1:])
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
