"""Professional accounts for the web app's professional view: sign-in, sessions, audit, limits.

Plain Python over SQLAlchemy Core, in the same database as the handoffs, so the web app, the
`portage` command and any number of web processes share one record.
"""
