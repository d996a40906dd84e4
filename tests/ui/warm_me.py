"""An empty module for the start-up test to warm (it must not be imported by anything else)."""
