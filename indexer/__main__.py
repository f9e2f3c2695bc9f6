"""Allow ``python -m indexer``."""

from indexer.cli import cli

cli(prog_name="timtin")
