"""Every setting of timtin in one place: its name, environment variable, default and help.

The CLI builds its options from these (the option's help and default come from here)
and the web app reads the same values, so ``TIMTIN_INDEX`` means the same folder to
``timtin search`` and to ``timtin serve``. ``timtin settings`` prints the values in
force and where each came from: an option, the environment, the bundled data or the
default.

A value is read when asked for, not at import, so a setting changed in the
environment of a new process takes effect there.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from indexer import bundled
from indexer.errors import TimtinError


def _cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


@dataclass(frozen=True)
class Setting:
    name: str  # as an option: --index, --procs
    env: str  # the environment variable that sets it
    help: str
    default: Callable[[], object]  # called when asked, so the machine's cores are this machine's
    parse: Callable[[str], object] = str
    low: int | None = None  # bounds of a whole-number setting
    high: int | None = None
    bundled: str | None = None  # a file shipped with timtin, used when nothing else is given

    def read(self, raw: str) -> object:
        """The value of *raw* as given in the environment, or a message naming the variable."""
        try:
            value = self.parse(raw.strip())
        except ValueError:
            raise TimtinError(f'{self.env}="{raw}" is not valid: {self.help} Expected a whole number.') from None
        if self.low is not None and not self.low <= value <= self.high:
            raise TimtinError(f"{self.env}={value} is out of range: expected {self.low} to {self.high}.")
        return value


def _whole(raw: str) -> int:
    return int(raw)


SETTINGS: tuple[Setting, ...] = (
    Setting("index", "TIMTIN_INDEX", "Index folder: `timtin index` writes it, search and serve read it.",
            lambda: Path("var/index"), Path),
    Setting("officials", "TIMTIN_OFFICIALS",
            "Hand-kept officials list (CSV: name,aliases,titles) used when indexing.",
            lambda: None, Path, bundled="officials.csv"),
    Setting("abbreviations", "TIMTIN_ABBREVIATIONS",
            "Abbreviations table (TSV: short form, then its long forms) used when searching.",
            lambda: None, Path, bundled="abbreviations.tsv"),
    Setting("procs", "TIMTIN_PROCS", "Processes that index and reindex (default: the machine's cores).",
            lambda: min(32, _cores()), _whole, 1, 32),
    Setting("workers", "TIMTIN_WORKERS", "Web server processes; each answers on its own core.",
            lambda: min(2, _cores()), _whole, 1, 32),
    Setting("host", "TIMTIN_HOST", "Address the web server listens on.", lambda: "127.0.0.1"),
    Setting("port", "PORT", "Port the web server listens on.", lambda: 8000, _whole, 1, 65535),
    Setting("max_query_chars", "TIMTIN_MAX_QUERY_CHARS", "Longest query accepted, in characters.",
            lambda: 2000, _whole, 10, 100000),
    Setting("max_per_page", "TIMTIN_MAX_PER_PAGE", "Most results on one page (CLI --per-page, web per_page).",
            lambda: 100, _whole, 1, 1000),
)
BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True)
class Value:
    setting: Setting
    value: object
    source: str  # "option", "environment", "bundled", "default"


def value(name: str, environ: Mapping[str, str] | None = None, given: object = None) -> Value:
    """The value of setting *name*: *given* (an option), else its environment
    variable, else the bundled file, else the default."""
    setting = BY_NAME[name]
    environ = os.environ if environ is None else environ
    if given is not None:
        return Value(setting, given, "option")
    raw = environ.get(setting.env, "")
    if raw.strip():
        return Value(setting, setting.read(raw), "environment")
    if setting.bundled:
        found = bundled.path(setting.bundled)
        if found is not None:
            return Value(setting, found, "bundled")
    return Value(setting, setting.default(), "default")


def get(name: str, given: object = None) -> object:
    return value(name, given=given).value


def current(given: Mapping[str, object] | None = None, environ: Mapping[str, str] | None = None) -> list[Value]:
    """Every setting's value and where it came from."""
    given = given or {}
    return [value(s.name, environ, given.get(s.name)) for s in SETTINGS]
