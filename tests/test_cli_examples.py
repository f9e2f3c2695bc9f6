"""Every example the CLI's --help and the README show works on the sample archive (issue #14)."""

import re
import shlex
import shutil

import pytest

from indexer.cli import cli
from tests.conftest import ROOT

# a server that never returns; a rebuild tested in test_indexing; a real paper's feed (no
# network here: `timtin fetch` is tested against a local fixture site in tests/test_fetching.py)
NOT_RUN = {"serve", "reindex", "fetch"}


def _help_examples() -> list[str]:
    out = []
    for name, command in cli.commands.items():
        text = command.help or ""
        out += [line.strip() for line in text.splitlines() if line.strip().startswith("timtin ")]
    return out


def _readme_examples() -> list[str]:
    """The commands of the README's ```sh blocks (a walkthrough that needs the network is
    fenced ```console instead)."""
    out = []
    for block in re.findall(r"```sh\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S):
        for line in block.splitlines():
            line = line.split("  #")[0].strip()
            if line.startswith("timtin "):
                out.append(line)
    return out


EXAMPLES = sorted(set(_help_examples() + _readme_examples()))


def test_there_are_examples_to_check():
    assert len(_help_examples()) >= 6 and len(_readme_examples()) >= 8


@pytest.mark.parametrize("example", EXAMPLES)
def test_example_works_on_the_sample_archive(example, runner, sample_index, tmp_path, monkeypatch):
    args = shlex.split(example)[1:]
    if ">" in args:  # the shell's redirection, not the command's
        args = args[: args.index(">")]
    if args[0] in NOT_RUN:
        pytest.skip(f"{args[0]} is not run here")
    index = tmp_path / "index"
    shutil.copytree(sample_index, index)
    monkeypatch.chdir(ROOT)  # examples name the sample archive as data/...
    monkeypatch.setenv("TIMTIN_INDEX", str(index))
    result = runner.invoke(cli, args)
    assert result.exit_code in (0, 3), f"{example}\n{result.output}{result.stderr}"  # 3: data/ holds broken files
    out = result.stdout
    assert out.strip(), example
    assert "No articles match" not in out and "No official matches" not in out, f"{example}\n{out}"
    if args[0] == "search" and "--json" not in args and "--format" not in args:
        assert re.match(r"\d+ articles?, showing", out), out
