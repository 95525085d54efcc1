"""``python -m netkit`` runs the command-line interface."""

from netkit.cli import main

main()
