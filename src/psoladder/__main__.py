"""``python -m psoladder``: the command line."""

from psoladder.cli import main

main()
