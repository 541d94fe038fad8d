"""`python -m app` runs the same entry point as the `journey-studio` command."""

from app.cli import main

raise SystemExit(main())
