"""Rasa custom actions: thin hands that call bot/ for everything they say."""
