"""The command line: ``reader parse | index | search | export | tasks | gui``."""
