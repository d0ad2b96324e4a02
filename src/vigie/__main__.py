"""`python -m vigie`: the same as the `vigie` command."""

from vigie.cli import main

if __name__ == "__main__":
    main()
