"""`python -m workstation` is the `workstation` command."""

from workstation.cli import main

main(prog_name="workstation")
