"""Handoff codes a family gives their health visitor, and the consented answers behind them."""
