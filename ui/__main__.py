"""`python -m ui` is the `workstation` command with the station window."""

from ui.launch import main

main()
