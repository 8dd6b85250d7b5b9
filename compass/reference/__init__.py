"""The shipped reference knowledge: its types and its loading from resources/data."""
