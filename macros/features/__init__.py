"""The features of the site, one folder each. Their order is set once, in macros/registry.py."""
