"""web_widget."""
