"""facility-admin: the IT officer's command line."""
