"""The smoke evaluation started from the Evaluatie tab: one run at a time, in a process of its own.

The run is `verslaghulp eval run --smoke --gate` (the tiny model on the smoke subset, gated on
eval/baseline-smoke.json) in a child process at low CPU priority. It holds neither the page's model
nor a place in its queue, so officials keep drafting while it runs (a little slower on a small
machine, never blocked). Progress is read from the run folder, where the runner writes each case's
JSON as the case finishes; the verdict and the scorecard come from the summary it writes at the end.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

from verslaghulp.dutch import count, seconds

log = logging.getLogger(__name__)
Command = Callable[[Path], list[str]]
"""The command line of a run that writes its results into the given (new) folder."""
State = Literal["idle", "running", "done", "failed"]
# The sets of a smoke run in their order, named as the tab names them (ui/scorecard.py SET_NAMES).
_SET_NAMES = {
    "drafting": "verslag opstellen",
    "grounding": "verzonnen feiten vinden",
    "retrieval": "zoeken in het archief",
    "summaries": "samenvatten",
    "citations": "bronnen controleren",
}
LOG_SUFFIX = ".log"


class SmokeRunBusyError(RuntimeError):
    """A smoke run is already going; the message says so in Dutch."""


def smoke_command(folder: Path) -> list[str]:
    """`verslaghulp eval run --smoke --gate --out FOLDER` with this interpreter, at low CPU priority where possible."""
    cli = "from verslaghulp.cli import main; main()"
    line = [sys.executable, "-c", cli, "eval", "run", "--smoke", "--gate", "--out", str(folder)]
    nice = shutil.which("nice")
    return [nice, "-n", "10", *line] if nice else line


def smoke_totals() -> dict[str, int]:
    """How many cases each set of the smoke subset runs (eval/smoke.yaml), in the order they run."""
    # lazy: the set files load only when a run is started
    from verslaghulp.evaluation import sets as eval_sets

    config = eval_sets.load_smoke()
    loaders: dict[str, Callable[[], int]] = {
        "drafting": lambda: len(eval_sets.load_drafting(eval_sets.split_paths("drafting"))),
        "grounding": lambda: len(eval_sets.load_grounding()),
        "retrieval": lambda: len(eval_sets.load_retrieval().questions),
        "summaries": lambda: len(eval_sets.load_summaries().requests),
        "citations": lambda: len(eval_sets.load_labelled(split="dev").sentences),
    }
    totals: dict[str, int] = {}
    for name, ids in config.sets.items():
        if isinstance(ids, list):
            totals[name] = len(ids)
        elif name in loaders:
            totals[name] = loaders[name]()
    return totals


@dataclass(frozen=True)
class SmokeStatus:
    """Where the latest run started from the page stands, in Dutch for the status line."""

    state: State
    text: str
    run_id: str | None = None
    log_tail: str = ""  # the last lines of the run's output (English, for evaluators), after a failure


@dataclass
class _Run:
    folder: Path
    started_at: datetime
    started: float
    process: subprocess.Popen[bytes]
    totals: dict[str, int]
    returncode: int | None = None
    finished: float | None = None


class SmokeRuns:
    """Starts the smoke run in its own process, refuses a second one while it runs, and reports progress."""

    def __init__(
        self, runs_dir: Path, *, command: Command = smoke_command,
        totals: Callable[[], dict[str, int]] = smoke_totals,
    ) -> None:  # fmt: skip
        self.runs_dir = runs_dir
        self.command = command
        self.totals = totals
        self._lock = threading.Lock()
        self._run: _Run | None = None

    def running(self) -> bool:
        """Whether a run started from the page is still going."""
        with self._lock:
            return self._run is not None and self._run.returncode is None

    def start(self) -> SmokeStatus:
        """Start a run; raises SmokeRunBusyError (Dutch) while one is going."""
        with self._lock:
            if self._run is not None and self._run.returncode is None:
                raise SmokeRunBusyError(
                    f"Er loopt al een snelle evaluatie (gestart om {self._run.started_at:%H:%M}). Een tweede kan pas "
                    "als die klaar is; de uitkomst verschijnt hier vanzelf."
                )
            try:
                totals = self.totals()
            except (OSError, ValueError) as exc:  # progress without totals is still progress
                log.warning("smoke totals unknown: %s", exc)
                totals = {}
            started_at = datetime.now()
            folder = self.runs_dir / f"{started_at:%Y%m%d-%H%M%S}-smoke-pagina"
            self.runs_dir.mkdir(parents=True, exist_ok=True)
            output = (self.runs_dir / (folder.name + LOG_SUFFIX)).open("wb")
            try:
                process = subprocess.Popen(self.command(folder), stdout=output, stderr=subprocess.STDOUT,
                                           stdin=subprocess.DEVNULL)  # fmt: skip
            finally:
                output.close()  # the child holds its own copy
            run = _Run(folder, started_at, time.monotonic(), process, totals)
            self._run = run
        threading.Thread(target=self._wait, args=(run,), name="verslaghulp-smoke-run", daemon=True).start()
        log.info("smoke run started in %s (pid %s)", folder, process.pid)
        return self.status()

    def _wait(self, run: _Run) -> None:
        code = run.process.wait()
        with self._lock:
            run.returncode = code
            run.finished = time.monotonic()
        log.info("smoke run in %s ended with exit code %s", run.folder, code)

    def status(self) -> SmokeStatus:
        """The latest run's state and a Dutch line about it (idle before any run from this page)."""
        with self._lock:
            run = self._run
            if run is None:
                return SmokeStatus("idle", "")
            code, finished = run.returncode, run.finished
        # lazy: the evaluation package loads only when a run is looked at
        from verslaghulp.evaluation.results import SUMMARY_FILE

        took = seconds((finished or time.monotonic()) - run.started)
        if code is None:
            return SmokeStatus("running", f"**Snelle evaluatie loopt** (gestart om {run.started_at:%H:%M}, {took} "
                                          f"bezig): {_progress(run)}.", run.folder.name)  # fmt: skip
        if code in (0, 1) and (run.folder / SUMMARY_FILE).is_file():  # 1: finished, but under the baseline
            return SmokeStatus("done", f"**Snelle evaluatie klaar** (gestart om {run.started_at:%H:%M}, {took}); "
                                       "de uitkomst staat hieronder.", run.folder.name)  # fmt: skip
        return SmokeStatus(
            "failed",
            f"**Snelle evaluatie mislukt** (gestart om {run.started_at:%H:%M}, na {took}, foutcode {code}). Is het "
            "kleine testmodel geïnstalleerd? De laatste regels van de uitvoer staan onder 'Voor evaluatoren'.",
            run.folder.name,
            _tail(self.runs_dir / (run.folder.name + LOG_SUFFIX)),
        )


def _progress(run: _Run) -> str:
    """The cases done per set ("verslag opstellen 2 van 3 gevallen, …"), from the case files written so far."""
    parts = []
    for name, total in run.totals.items():
        done = len(list((run.folder / "cases" / name).glob("*.json")))
        parts.append(f"{_SET_NAMES.get(name, name)} {done} van {count(total, 'geval', 'gevallen')}")
    return ", ".join(parts) if parts else "bezig met voorbereiden"


def _tail(path: Path, lines: int = 8) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    return "\n".join(text.strip().splitlines()[-lines:])


_registry: dict[Path, SmokeRuns] = {}
_registry_lock = threading.Lock()


def smoke_runs(runs_dir: Path) -> SmokeRuns:
    """The runs started from the page into this folder: one launcher per folder in the process, so one run at a time."""
    key = runs_dir.resolve()
    with _registry_lock:
        if key not in _registry:
            _registry[key] = SmokeRuns(runs_dir)
        return _registry[key]


def use(runs: SmokeRuns) -> SmokeRuns:
    """Make `runs` the launcher for its folder (tests start another command than the real smoke run)."""
    with _registry_lock:
        _registry[runs.runs_dir.resolve()] = runs
    return runs
