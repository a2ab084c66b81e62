"""web_widget/routers."""
