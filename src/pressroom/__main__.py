from pressroom.cli import main

raise SystemExit(main())
