"""Entry point for ``python -m rhetoric``."""

from rhetoric.cli import main

if __name__ == "__main__":
    main()
