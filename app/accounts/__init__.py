"""Users, teams, roles, password hashing and bearer tokens."""
