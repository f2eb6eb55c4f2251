"""Nursing rounds (đợt điều dưỡng): the round screens."""
