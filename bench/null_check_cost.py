"""What reading a response costs with the models' null check, against another checkout.

    .venv/bin/python bench/null_check_cost.py CLIENT_SRC [OTHER_CLIENT_SRC]

Parses 2,000 `Job`s of the reality-data-analysis client (a list of 2,000 copies of one job,
about 1 MB of JSON) leniently, as a response is read, 25 times, in a fresh process per
checkout, and prints the best time. Pass `generated/reality-data-analysis/client/src` of this
checkout and of another one (e.g. the main branch) to compare them in the same run.
"""

from __future__ import annotations

import subprocess
import sys

PROGRAM = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
import pydantic
from reality_data_analysis.models import Job
from reality_data_analysis._runtime import lenient_parsing
job = {"id": "6f51448f", "email": "a@b.c", "state": "active", "type": "objects2D", "name": "n",
    "projectId": "p", "dataCenter": "EastUs", "createdDateTime": "2021-11-04T14:13:27Z",
    "lastModifiedDateTime": "2021-11-04T14:13:27Z",
    "settings": {"inputs": [{"name": "photos", "realityDataId": "x"}],
                 "outputs": [{"name": "objects2D", "realityDataId": "y"}]},
    "costEstimation": {"gigaPixels": 2, "numberOfPhotos": 3},
    "executionInformation": {"exitCode": 0, "estimatedUnits": 1.5}}
data = json.dumps([job] * 2000).encode()
adapter = pydantic.TypeAdapter(list[Job])
best = 1e9
for _ in range(25):
    started = time.perf_counter()
    with lenient_parsing():
        adapter.validate_json(data, extra="allow")
    best = min(best, time.perf_counter() - started)
print(f"{best * 1000:.1f}")
"""


def main() -> int:
    sources = sys.argv[1:]
    if not sources:
        print(__doc__)
        return 2
    best: dict[str, float] = {}
    for _ in range(5):  # interleaved: a busy machine slows both alike
        for source in sources:
            out = subprocess.run(
                [sys.executable, "-c", PROGRAM, source], capture_output=True, text=True, check=True
            )
            best[source] = min(best.get(source, 1e9), float(out.stdout))
    for source, ms in best.items():
        print(f"{ms:7.1f} ms  2,000 jobs  {source}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
