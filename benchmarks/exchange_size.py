"""Time and peak memory of importing and exporting a session file of a given size, through the
services, as decision 012 measured them to choose the exchange files' size limit.

    python benchmarks/exchange_size.py 60     # a file of about 60 MB

The example session gets 20,000-character texts in its inventory and criteria until the file has the
size asked for. The limit itself is lifted for the measurement.
"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from compass.formats import json_document
from compass.paths import resource_path
from compass.reference.loading import load_reference_data
from compass.services import open_services


def large_session(megabytes: float) -> bytes:
    document = json.loads(resource_path("examples", "asfalt-groot-onderhoud.json").read_text("utf-8"))
    text = ("Lange tekst met één regel per zin.\n" * 600)[:20_000]
    count = int(megabytes * 1_000_000 / len(text.encode()))
    entry, criterion = document["inventory"][0], document["criteria"][0]
    inventory = min(count, 2000)
    document["inventory"] = [dict(entry, description=text, suggestion_id="")] * inventory
    document["criteria"] += [dict(criterion, text=text, verification="", catalogue_id="")] * min(
        count - inventory, 1990
    )
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode()


def main(megabytes: float) -> None:
    json_document.MAX_FILE_BYTES = 10**12  # measure beyond any limit
    data = large_session(megabytes)
    folder = Path(tempfile.mkdtemp())
    (folder / "in.json").write_bytes(data)
    services = open_services(f"sqlite:///{folder / 'c.sqlite3'}", load_reference_data())
    started = time.perf_counter()
    snapshot = services.files.import_session(folder / "in.json")
    imported = time.perf_counter() - started
    started = time.perf_counter()
    services.files.export_session(snapshot.id, folder / "out.json")
    exported = time.perf_counter() - started
    services.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"file {len(data) / 1e6:.1f} MB: import {imported:.2f} s, export {exported:.2f} s, "
        f"peak memory {peak:.0f} MB"
    )


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 60)
