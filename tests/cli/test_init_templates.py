"""`rhetoric init --template` at the CLI edge: one error line, exit 1, nothing created."""

from __future__ import annotations


def test_cli_template_error_line(cli, tmp_path):
    result = cli("init", str(tmp_path / "c"), "--template", "nope")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: unknown template 'nope' (choose one of: generic-negotiation, iran-nuclear, israel-hamas)\n"
    )
    assert not (tmp_path / "c").exists()


def test_cli_template_then_check(cli, tmp_path):
    assert cli("init", str(tmp_path / "c"), "--template", "israel-hamas").exit_code == 0
    result = cli("codebook", "check", "--corpus", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
