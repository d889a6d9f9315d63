"""Allow ``python -m referent``."""

from referent.cli import main

raise SystemExit(main())
