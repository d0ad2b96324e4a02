"""Vigie: French-language Sahel news -> articles, security events and interactions."""

from vigie.records import Article, RawDoc, Report, Skip

__all__ = ["Article", "RawDoc", "Report", "Skip"]
